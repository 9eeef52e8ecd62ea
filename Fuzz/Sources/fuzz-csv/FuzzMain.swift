import CLibFuzzer

/// The program's entry: SwiftPM links an executable with `main` set to `fuzz_csv_main`,
/// so this hands the command line to libFuzzer's driver with the target's test function.
@_cdecl("fuzz_csv_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return fuzzCSV(UnsafePointer(bitPattern: 1)!, 0) }
        return fuzzCSV(data, size)
    }
}
