import CMalloc

/// Hands memory that the program has freed back to the operating system.
///
/// glibc's allocator keeps freed blocks of its heaps (one per thread that allocated) for later
/// use, so a phase that allocates and frees a lot (the vectoriser's per-chunk tables) leaves the
/// process's resident size high while the next phase (the optimiser) allocates its own memory.
/// `malloc_trim(0)` returns every whole free page of every heap, so the peak resident size is
/// what is alive, not what once was.
enum FreeMemory {
    /// Returns the free pages of the allocator's heaps to the system; a no-op for the results.
    static func release() {
        _ = malloc_trim(0)
    }
}
