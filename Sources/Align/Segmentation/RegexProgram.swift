/// A regular expression compiled for matching in both directions on UTF-8 bytes: the forward
/// program answers "does the pattern match from here to somewhere on the right", the backward
/// program "does it match from somewhere on the left to here". That is all SRX needs (a rule's
/// `beforebreak` must end at a position, its `afterbreak` start there), so there are no captures,
/// and greedy and lazy quantifiers differ only in the order they try things.
///
/// Backtracking over a small instruction set (split, jump, scalar test, assertion, lookaround),
/// with a step budget so that a pathological pattern costs a bounded time. Scalar tests use a
/// bitmap for scalars below `UnicodeTables.tableLimit`.
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        /// Consume one scalar that belongs to set `index`.
        case scalar(Int32)
        /// Consume any scalar (but a line terminator unless `dotAll`).
        case any(dotAll: Bool)
        /// Try `first`, and on failure `second`.
        case split(Int32, Int32)
        case jump(Int32)
        case assert(RegexAssertion)
        /// Run program `index` (a lookaround) at the current position.
        case look(Int32, negative: Bool)
        /// Try the branches of table `index` whose first scalar can be the next one, in order.
        case dispatch(Int32)
        case match
    }

    struct Routine: Sendable {
        var instructions: [Instruction]
        var forward: Bool
    }

    /// Largest program accepted (counted repetitions are expanded).
    static let maximumInstructions = 60_000
    /// Scalars per set bitmap: `tableLimit / 64` words.
    static let wordsPerSet = Int(UnicodeTables.tableLimit) / 64

    /// Whether the pattern matches the empty string (forward).
    let isNullable: Bool
    /// The compiled code, shared by copies of the program (one reference to retain, not six arrays).
    let storage: Storage
    /// Alternations with at least this many branches dispatch on the next scalar.
    static let dispatchThreshold = 3

    static let forwardRoutine = 0
    static let backwardRoutine = 1

    /// The compiled code: routine 0 matches forward, routine 1 backward, lookarounds follow; set
    /// bitmaps (`wordsPerSet` words each), the sets themselves for scalars past the bitmap, and
    /// the branch tables of `dispatch`.
    ///
    /// The instructions of every routine and the set bitmaps live in memory the storage owns,
    /// read through plain pointers by `run`: reaching them through the arrays
    /// retained and released them on every rule test, the largest share of reference counting
    /// in `normalize`. Nothing is written after `init`, hence `@unchecked Sendable`.
    final class Storage: @unchecked Sendable {
        let sets: [ScalarSet]
        let setHasHigh: [Bool]
        let dispatchTables: [[(set: Int32, target: Int32)]]
        /// All routines' instructions one after the other; routine `r` starts at `routineStart[r]`.
        let code: UnsafeMutableBufferPointer<Instruction>
        let routineStart: UnsafeMutableBufferPointer<Int>
        let routineForward: UnsafeMutableBufferPointer<Bool>
        let bits: UnsafeMutableBufferPointer<UInt64>

        init(_ builder: Builder) {
            sets = builder.sets
            setHasHigh = builder.setHasHigh
            dispatchTables = builder.dispatchTables
            let all = builder.routines.flatMap(\.instructions)
            code = .allocate(capacity: max(all.count, 1))
            _ = code.initialize(from: all)
            routineStart = .allocate(capacity: builder.routines.count + 1)
            routineForward = .allocate(capacity: max(builder.routines.count, 1))
            var start = 0
            for (index, routine) in builder.routines.enumerated() {
                routineStart[index] = start
                routineForward[index] = routine.forward
                start += routine.instructions.count
            }
            routineStart[builder.routines.count] = start
            bits = .allocate(capacity: max(builder.setBits.count, 1))
            _ = bits.initialize(from: builder.setBits)
        }

        deinit {
            code.deallocate()
            routineStart.deallocate()
            routineForward.deallocate()
            bits.deallocate()
        }
    }

    init(_ node: RegexNode) throws(RegexSyntaxError) {
        isNullable = node.isNullable
        storage = Storage(try Builder(node))
    }

    /// Compiles a syntax tree into routines.
    struct Builder {
        /// Routine 0 matches forward, routine 1 backward; lookarounds follow.
        var routines: [Routine] = []
        /// Bitmaps of all sets, `wordsPerSet` words each.
        var setBits: [UInt64] = []
        /// The sets themselves, for scalars past the bitmap.
        var sets: [ScalarSet] = []
        var setHasHigh: [Bool] = []
        var setIndex: [ScalarSet: Int32] = [:]
        /// Branch tables of `dispatch`: (set that the branch's first scalar belongs to, or -1 for
        /// any; the branch's first instruction).
        var dispatchTables: [[(set: Int32, target: Int32)]] = []
        init(_ node: RegexNode) throws(RegexSyntaxError) {
            routines = [Routine(instructions: [], forward: true), Routine(instructions: [], forward: false)]
            routines[0].instructions = try compileRoutine(node, forward: true)
            routines[1].instructions = try compileRoutine(node.reversed, forward: false)
        }

        private mutating func compileRoutine(_ node: RegexNode, forward: Bool) throws(RegexSyntaxError) -> [Instruction] {
            var code: [Instruction] = []
            try emit(node, forward: forward, into: &code)
            code.append(.match)
            return code
        }

        private mutating func set(_ set: ScalarSet) -> Int32 {
            if let index = setIndex[set] { return index }
            let index = Int32(sets.count)
            sets.append(set)
            setBits += ScalarTable.bitmap(of: set)
            setHasHigh.append(set.mayContainHighScalars)
            setIndex[set] = index
            return index
        }

        private mutating func emit(_ node: RegexNode, forward: Bool, into code: inout [Instruction]) throws(RegexSyntaxError) {
            if code.count > RegexProgram.maximumInstructions {
                throw RegexSyntaxError(message: "pattern too large once repetitions are expanded", offset: 0, isUnsupported: true)
            }
            switch node {
            case .empty:
                break
            case .scalar(let scalarSet):
                code.append(.scalar(set(scalarSet)))
            case .any(let dotAll):
                code.append(.any(dotAll: dotAll))
            case .sequence(let nodes):
                for child in nodes { try emit(child, forward: forward, into: &code) }
            case .alternation(let nodes) where nodes.count >= RegexProgram.dispatchThreshold:
                // dispatch T; L1: a; jump end; L2: b; jump end; …  (T lists each Li with its first scalars)
                let tableIndex = dispatchTables.count
                dispatchTables.append([])
                code.append(.dispatch(Int32(tableIndex)))
                var table: [(set: Int32, target: Int32)] = []
                var jumps: [Int] = []
                for child in nodes {
                    var setNumber: Int32 = -1
                    if !child.isNullable, let sets = child.firstSets {
                        setNumber = set(sets.count == 1 ? sets[0] : ScalarSet(items: sets.map { .set($0) }))
                    }
                    table.append((setNumber, Int32(code.count)))
                    try emit(child, forward: forward, into: &code)
                    jumps.append(code.count)
                    code.append(.jump(0))
                }
                for jump in jumps { code[jump] = .jump(Int32(code.count)) }
                dispatchTables[tableIndex] = table
            case .alternation(let nodes):
                // split L1, next; L1: a; jump end; next: split L2, next2; …
                var jumps: [Int] = []
                for (offset, child) in nodes.enumerated() {
                    if offset == nodes.count - 1 {
                        try emit(child, forward: forward, into: &code)
                    } else {
                        let split = code.count
                        code.append(.split(0, 0))
                        try emit(child, forward: forward, into: &code)
                        jumps.append(code.count)
                        code.append(.jump(0))
                        code[split] = .split(Int32(split + 1), Int32(code.count))
                    }
                }
                for jump in jumps { code[jump] = .jump(Int32(code.count)) }
            case .repetition(let child, let min, let max, let lazy):
                for _ in 0..<min { try emit(child, forward: forward, into: &code) }
                if let max {
                    // Optional copies: split body, end; body; split body2, end; …
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(code.count)
                        code.append(.split(0, 0))
                        try emit(child, forward: forward, into: &code)
                        if code.count > RegexProgram.maximumInstructions { break }
                    }
                    let end = Int32(code.count)
                    for split in splits {
                        code[split] = lazy ? .split(end, Int32(split + 1)) : .split(Int32(split + 1), end)
                    }
                } else {
                    // loop: split body, end; body; jump loop; end:
                    let loop = code.count
                    code.append(.split(0, 0))
                    try emit(child, forward: forward, into: &code)
                    code.append(.jump(Int32(loop)))
                    let end = Int32(code.count)
                    code[loop] = lazy ? .split(end, Int32(loop + 1)) : .split(Int32(loop + 1), end)
                }
            case .assertion(let assertion):
                code.append(.assert(assertion))
            case .look(let child, let ahead, let negative):
                let index = routines.count
                routines.append(Routine(instructions: [], forward: ahead))
                let body = ahead ? child : child.reversed
                routines[index].instructions = try compileRoutine(body, forward: ahead)
                code.append(.look(Int32(index), negative: negative))
            }
        }

    }

    // MARK: Matching

    /// Whether the pattern matches `text` starting at `position` (forward) or ending there
    /// (backward). `stack` is scratch space kept between calls; `budget` counts down the steps
    /// allowed and stops the match (as a failure) at zero.
    func matches(
        forward: Bool, in text: UnsafeBufferPointer<UInt8>, at position: Int, stack: inout [Int], budget: inout Int
    ) -> Bool {
        run(forward ? Self.forwardRoutine : Self.backwardRoutine, text, position, &stack, &budget)
    }

    private func run(_ routineIndex: Int, _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ stack: inout [Int], _ budget: inout Int) -> Bool {
        let storage = self.storage
        let forward = storage.routineForward[routineIndex]
        let base = stack.count
        defer { stack.removeSubrange(base...) }
        stack.append(0)
        stack.append(start)
        let count = text.count
        let code = UnsafeBufferPointer(rebasing: storage.code[storage.routineStart[routineIndex]..<storage.routineStart[routineIndex + 1]])
        let bits = UnsafeBufferPointer(storage.bits)
        return withExtendedLifetime(storage) {
            do {
                while stack.count > base {
                    var position = stack.removeLast()
                    var pc = Int(stack.removeLast())
                    thread: while true {
                        budget -= 1
                        if budget < 0 { return false }
                        switch code[pc] {
                        case .scalar(let setNumber):
                            let value: UInt32
                            if forward {
                                guard position < count else { break thread }
                                let decoded = UTF8Decoding.scalar(text, at: position)
                                value = decoded.value
                                position += decoded.width
                            } else {
                                guard position > 0 else { break thread }
                                let decoded = ScalarTable.decode(text, before: position)
                                value = decoded.value
                                position -= decoded.width
                            }
                            let set = Int(setNumber)
                            if value < UnicodeTables.tableLimit {
                                let word = bits[set &* Self.wordsPerSet &+ Int(value >> 6)]
                                guard word & (1 &<< UInt64(value & 63)) != 0 else { break thread }
                            } else {
                                guard storage.setHasHigh[set], storage.sets[set].contains(value) else { break thread }
                            }
                            pc += 1
                        case .any(let dotAll):
                            let value: UInt32
                            if forward {
                                guard position < count else { break thread }
                                let decoded = UTF8Decoding.scalar(text, at: position)
                                value = decoded.value
                                position += decoded.width
                            } else {
                                guard position > 0 else { break thread }
                                let decoded = ScalarTable.decode(text, before: position)
                                value = decoded.value
                                position -= decoded.width
                            }
                            guard dotAll || !ScalarTable.isLineTerminator(value) else { break thread }
                            pc += 1
                        case .split(let first, let second):
                            stack.append(Int(second))
                            stack.append(position)
                            pc = Int(first)
                        case .jump(let target):
                            pc = Int(target)
                        case .assert(let assertion):
                            guard ScalarTable.holds(assertion, in: text, at: position) else { break thread }
                            pc += 1
                        case .look(let routine, let negative):
                            let found = run(Int(routine), text, position, &stack, &budget)
                            if budget < 0 { return false }
                            guard found != negative else { break thread }
                            pc += 1
                        case .dispatch(let tableNumber):
                            var value: UInt32?
                            if forward {
                                if position < count { value = UTF8Decoding.scalar(text, at: position).value }
                            } else if position > 0 {
                                value = ScalarTable.decode(text, before: position).value
                            }
                            let table = storage.dispatchTables[Int(tableNumber)]
                            // Push the candidates last first, so the first is tried first.
                            for branch in table.reversed() {
                                if branch.set >= 0 {
                                    guard let value else { continue }
                                    let set = Int(branch.set)
                                    if value < UnicodeTables.tableLimit {
                                        guard bits[set &* Self.wordsPerSet &+ Int(value >> 6)] & (1 &<< UInt64(value & 63)) != 0 else { continue }
                                    } else {
                                        guard storage.setHasHigh[set], storage.sets[set].contains(value) else { continue }
                                    }
                                }
                                stack.append(Int(branch.target))
                                stack.append(position)
                            }
                            break thread
                        case .match:
                            return true
                        }
                    }
                }
                return false
            }
        }
    }
}
