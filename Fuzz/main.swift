// The libFuzzer entry point for every target in Tests/AlignTests/Fuzz. Built by
// scripts/fuzz.sh, not by SwiftPM: `ALIGN_FUZZ_TARGET` picks the target at run time.
import Foundation

@testable import Align

enum FuzzMain {
    static let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["ALIGN_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget.named(name) else {
            FileHandle.standardError.write(Data("ALIGN_FUZZ_TARGET must be one of: \(FuzzTarget.all.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }()

    static let context = FuzzContext(root: ProcessInfo.processInfo.environment["ALIGN_ROOT"] ?? FileManager.default.currentDirectoryPath)
}

/// Runs the selected target on one input; a broken invariant aborts, so libFuzzer saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = count == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: count))
    let problems = FuzzMain.target.run(bytes, FuzzMain.context)
    if !problems.isEmpty {
        FileHandle.standardError.write(Data("\(FuzzMain.target.name): invariant broken:\n\(problems.joined(separator: "\n"))\n".utf8))
        abort()
    }
    return 0
}
