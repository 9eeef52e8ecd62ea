import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary name in
/// the same folder, are flushed to disk, then renamed over the destination in one step. On any
/// failure the temporary file is removed and whatever was at the destination is left as it was.
public enum AtomicFile {
    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw TensionError(.io, "the folder \(folder) does not exist", file: path, hint: "create it first, or choose another output path")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw TensionError(.io, "is a folder; cannot write a file there", file: path)
        }
        let temp = folder + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw TensionError(.io, "cannot create a file in \(folder): \(String(cString: strerror(errno)))", file: path)
        }
        var failure: TensionError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = TensionError(.io, "cannot write: \(String(cString: strerror(errno)))", file: path)
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 {
            failure = TensionError(.io, "cannot flush to disk: \(String(cString: strerror(errno)))", file: path)
        }
        close(fd)
        if failure == nil, rename(temp, path) != 0 {
            failure = TensionError(.io, "cannot rename into place: \(String(cString: strerror(errno)))", file: path)
        }
        if let failure {
            unlink(temp)
            throw failure
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}
