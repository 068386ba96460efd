import Foundation

/// The working memory of `LineScan`s that have finished, kept for the next ones: at most one set
/// per thread that scanned at once. What it holds are caches of answers that depend only on the
/// glossary (symbol lookups, whether a word has near-miss candidates), so reusing them never
/// changes a result.
///
/// Measured reason: each 1 MB chunk started with an empty word cache and near-miss memo, and
/// asked again about the names the previous chunks had met (13.8k near-miss lookups at 100k
/// terms).
final class ScanScratchPool: @unchecked Sendable {
    struct Scratch {
        var tokens: TokenBuffer
        var cache: WordCache
        var nearMissMemo: UnsafeMutablePointer<(hash: UInt64, key: UInt32, possible: Bool)>
    }

    private var free: [Scratch] = []
    private let lock = NSLock()

    /// A set from the pool, or a new one.
    func take() -> Scratch {
        lock.lock()
        let reused = free.popLast()
        lock.unlock()
        if let reused { return reused }
        let memo = UnsafeMutablePointer<(hash: UInt64, key: UInt32, possible: Bool)>.allocate(capacity: LineScan.nearMissMemoSize)
        memo.initialize(repeating: (0, 0, false), count: LineScan.nearMissMemoSize)
        return Scratch(tokens: TokenBuffer(capacity: 1024), cache: WordCache(), nearMissMemo: memo)
    }

    func give(_ scratch: Scratch) {
        lock.lock()
        free.append(scratch)
        lock.unlock()
    }

    deinit {
        for scratch in free {
            scratch.tokens.deallocate()
            scratch.cache.deallocate()
            scratch.nearMissMemo.deallocate()
        }
    }
}
