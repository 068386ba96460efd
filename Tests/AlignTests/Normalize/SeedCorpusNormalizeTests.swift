import Align
import Foundation
import Testing

/// `aligncli normalize` end to end on the seed corpus (corpus/fr): debris removed and logged,
/// nothing else lost, sentences as checked by hand, provenance, determinism, idempotence, safety.
@Suite("Normalize: seed corpus end to end")
struct SeedCorpusNormalizeTests {
    var folder: String { NormalizeFixtures.seedOutput.folder + "/fr" }

    @Test("the run succeeds and writes four files per document")
    func outputs() {
        let run = NormalizeFixtures.seedOutput.run
        #expect(run.exitCode == .ok, "\(run.stderr)")
        #expect(run.stderr.contains("5 documents"))
        let files = Set(NormalizeFixtures.tree(NormalizeFixtures.seedOutput.folder).keys)
        var expected = Set<String>()
        for name in NormalizeFixtures.seedNames {
            for suffix in [".txt", ".segments.jsonl", ".removed.tsv", ".xlf"] { expected.insert("fr/" + name + suffix) }
        }
        #expect(files == expected)
    }

    @Test("all the debris is removed and logged with its rule, and nothing else")
    func debris() throws {
        let fixture = try String(contentsOfFile: RepositoryPaths.fixtures + "/normalize/seed-removals.tsv", encoding: .utf8)
        let expected = fixture.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map(String.init)
        var actual: [String] = []
        for name in NormalizeFixtures.seedNames {
            for row in try NormalizeFixtures.removals(folder, name) {
                #expect(row.count == 9)
                #expect(row[0].hasSuffix("/fr/\(name).txt"))
                #expect(!row[7].isEmpty, "a removal without a reason: \(row)")
                actual.append("\(name).txt\t\(row[1])\t\(row[5])")
            }
        }
        #expect(actual == expected)
    }

    @Test("sentence boundaries match the hand-checked segmentation of all five articles")
    func sentences() throws {
        let fixture = try String(contentsOfFile: RepositoryPaths.fixtures + "/normalize/seed-sentences.txt", encoding: .utf8)
        var expected: [String: [String]] = [:]
        var current = ""
        for line in fixture.split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix("# ") {
            if line.hasPrefix("## ") {
                current = String(line.dropFirst(3).dropLast(4))
            } else if !current.isEmpty {
                expected[current, default: []].append(String(line))
            }
        }
        for name in NormalizeFixtures.seedNames {
            let original = NormalizeFixtures.bytes(NormalizeFixtures.seedFolder + "/\(name).txt")
            var actual: [String] = []
            var paragraph = 0
            for segment in try NormalizeFixtures.segments(folder, name) {
                let start = segment["start"] as! Int
                let end = segment["end"] as! Int
                if paragraph != 0, segment["paragraph"] as! Int != paragraph { actual.append("") }
                paragraph = segment["paragraph"] as! Int
                actual.append(String(decoding: original[start..<end], as: UTF8.self))
            }
            var wanted = expected[name] ?? []
            while wanted.last == "" { wanted.removeLast() }
            #expect(actual == wanted, "\(name)")
        }
    }

    @Test("provenance rebuilds every kept character from the original bytes, and every byte is kept or logged")
    func provenance() throws {
        for name in NormalizeFixtures.seedNames {
            let original = NormalizeFixtures.bytes(NormalizeFixtures.seedFolder + "/\(name).txt")
            var covered = [Bool](repeating: false, count: original.count)
            for segment in try NormalizeFixtures.segments(folder, name) {
                let start = segment["start"] as! Int
                let end = segment["end"] as! Int
                var rebuilt: [UInt8] = []
                var cursor = start
                for edit in segment["edits"] as! [[String: Any]] {
                    let editStart = edit["start"] as! Int
                    let editEnd = edit["end"] as! Int
                    #expect(editStart >= cursor && editEnd <= end)
                    rebuilt += original[cursor..<editStart]
                    rebuilt += Array((edit["text"] as! String).utf8)
                    cursor = editEnd
                }
                rebuilt += original[cursor..<end]
                let source = segment["source"] as! String
                #expect(String(decoding: rebuilt, as: UTF8.self).trimmingCharacters(in: .whitespaces) == source)
                // The .txt form is the source with each annotated term followed by its canonical form.
                var text = Array(source.utf8)
                for term in (segment["terms"] as! [[String: Any]]).reversed() where term["annotated"] as! Bool {
                    let surface = term["surface"] as! [Int]
                    text.insert(contentsOf: Array(" ⟨\(term["en"] as! String)⟩".utf8), at: surface[1])
                    // Term offsets point at the term in the original file too.
                    let termRange = term["term"] as! [Int]
                    let termStart = term["start"] as! Int
                    #expect(termStart >= start && (term["end"] as! Int) <= end)
                    #expect(termRange[0] >= surface[0] && termRange[1] == surface[1])
                }
                #expect(String(decoding: text, as: UTF8.self) == (segment["text"] as? String ?? source))
                for index in start..<end {
                    #expect(!covered[index], "byte \(index) of \(name) is in two segments")
                    covered[index] = true
                }
            }
            for row in try NormalizeFixtures.removals(folder, name) {
                for index in Int(row[2])!..<Int(row[3])! {
                    #expect(!covered[index], "byte \(index) of \(name) is both kept and removed")
                    covered[index] = true
                }
            }
            // Nothing else is lost: what no segment and no removal covers is white space or a line end.
            let lost = original.indices.filter { !covered[$0] && ![0x20, 0x0A, 0x0D, 0x09, 0xC2, 0xA0].contains(original[$0]) }
            #expect(lost.isEmpty, "\(name): bytes \(lost.prefix(10)) are neither kept nor logged")
        }
    }

    @Test("the same run twice gives byte-identical outputs")
    func deterministic() {
        let again = NormalizeFixtures.temporaryFolder("again")
        let run = NormalizeFixtures.run(output: again)
        #expect(run.exitCode == .ok)
        let first = NormalizeFixtures.tree(NormalizeFixtures.seedOutput.folder)
        let second = NormalizeFixtures.tree(again)
        #expect(first.count == 20)
        #expect(Set(second.keys) == Set(first.keys))
        for (path, bytes) in first { #expect(second[path] == bytes, "\(path) differs") }
    }

    @Test("normalizing normalized text changes nothing")
    func idempotent() throws {
        let input = NormalizeFixtures.temporaryFolder("idem-in")
        for name in NormalizeFixtures.seedNames {
            try Data(NormalizeFixtures.bytes(folder + "/\(name).txt")).write(to: URL(fileURLWithPath: input + "/\(name).txt"))
        }
        let output = NormalizeFixtures.temporaryFolder("idem-out")
        let run = NormalizeFixtures.run(output: output, inputs: [input])
        #expect(run.exitCode == .ok, "\(run.stderr)")
        for name in NormalizeFixtures.seedNames {
            #expect(NormalizeFixtures.text(output + "/\(name).txt") == NormalizeFixtures.text(folder + "/\(name).txt"), "\(name)")
            #expect(!NormalizeFixtures.text(output + "/\(name).txt").isEmpty)
            #expect(try NormalizeFixtures.removals(output, name).isEmpty)
        }
    }

    @Test("an output folder inside an input folder is refused, and nothing is written")
    func refusesOutputInsideInput() throws {
        let input = NormalizeFixtures.temporaryFolder("inside")
        try Data("Une phrase. Une autre.\n".utf8).write(to: URL(fileURLWithPath: input + "/a.txt"))
        for output in [input, input + "/out", input + "/./sub/../out2"] {
            let run = NormalizeFixtures.run(output: output, inputs: [input])
            #expect(run.exitCode == .usage)
            #expect(run.stderr.contains("inside the input folder"))
        }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: input)) == ["a.txt"])
        // A single input file whose outputs would land on it is refused too.
        let run = NormalizeFixtures.run(output: input, inputs: [input + "/a.txt"])
        #expect(run.exitCode == .usage)
        #expect(NormalizeFixtures.text(input + "/a.txt") == "Une phrase. Une autre.\n")
    }

    @Test("--keep-boilerplate keeps every line and logs nothing")
    func keepBoilerplate() throws {
        let output = NormalizeFixtures.temporaryFolder("keep")
        #expect(NormalizeFixtures.run(["--keep-boilerplate"], output: output).exitCode == .ok)
        let texts = NormalizeFixtures.seedNames.map { String(decoding: NormalizeFixtures.bytes(output + "/fr/\($0).txt"), as: UTF8.self) }.joined()
        for line in ["vingt + dix =", "Laisser un commentaire", "The US Army conducts live fire testing", "Comentarios", "10:45Sports – PSG"] {
            #expect(texts.contains(line), "\(line)")
        }
        for name in NormalizeFixtures.seedNames { #expect(try NormalizeFixtures.removals(output + "/fr", name).isEmpty) }
    }

    @Test("terms: annotated by default, replaced, or left as they are")
    func termModes() throws {
        let annotated = String(decoding: NormalizeFixtures.bytes(folder + "/000_cfba520f93c225c9.txt"), as: UTF8.self)
        #expect(annotated.contains("région russe de Koursk ⟨Kursk⟩, où"))
        #expect(annotated.contains("membres de l'OTAN ⟨NATO⟩ dans"))
        #expect(annotated.contains("avec Bloomberg") || !annotated.contains("Bloomberg ⟨Bloomberg⟩"))

        let replaced = NormalizeFixtures.temporaryFolder("replace")
        #expect(NormalizeFixtures.run(["--terms", "replace"], output: replaced).exitCode == .ok)
        let replacedText = String(decoding: NormalizeFixtures.bytes(replaced + "/fr/000_cfba520f93c225c9.txt"), as: UTF8.self)
        #expect(replacedText.contains("région russe de Kursk, où"))
        #expect(replacedText.contains("membres de l'NATO dans"))
        #expect(!replacedText.contains("⟨"))
        // The original surface stays in the provenance.
        let segment = try NormalizeFixtures.segments(replaced + "/fr", "000_cfba520f93c225c9").first { ($0["source"] as! String).contains("Koursk") }
        #expect(segment != nil)

        let off = NormalizeFixtures.temporaryFolder("off")
        #expect(NormalizeFixtures.run(["--terms", "off"], output: off).exitCode == .ok)
        for segment in try NormalizeFixtures.segments(off + "/fr", "000_cfba520f93c225c9") {
            #expect(segment["text"] == nil)
            #expect((segment["terms"] as! [Any]).isEmpty)
        }
    }

    @Test("--diff shows original → normalized for the changed lines only")
    func diff() {
        let run = NormalizeFixtures.run(["--diff"], output: nil, inputs: [NormalizeFixtures.seedFolder + "/003_9becd614287ec202.txt"])
        #expect(run.exitCode == .ok)
        #expect(run.stdout.contains("@@ line 2 @@\n-par morandini\n# removed [credit-byline] author byline: par morandini\n"))
        #expect(run.stdout.contains("+Le débat est devenu une source majeure de désaccord entre les alliés de l'Ukraine au sein de l'OTAN ⟨NATO⟩.\n"))
        #expect(!run.stdout.contains("@@ line 17 @@"))
    }

    @Test("invalid UTF-8 is an error with its byte offset unless an encoding is given")
    func encodings() throws {
        let input = NormalizeFixtures.temporaryFolder("latin1")
        try Data([0x4C, 0x27, 0xE9, 0x74, 0xE9, 0x20, 0x92, 0x61, 0x2E, 0x0A]).write(to: URL(fileURLWithPath: input + "/a.txt"))
        let output = NormalizeFixtures.temporaryFolder("latin1-out")
        let failed = NormalizeFixtures.run(output: output, inputs: [input])
        #expect(failed.exitCode == .dataError)
        #expect(failed.stderr.contains("invalid UTF-8 at byte offset 2"))
        let decoded = NormalizeFixtures.run(["--encoding", "windows-1252", "--apostrophe", "typographic"], output: output, inputs: [input])
        #expect(decoded.exitCode == .ok)
        #expect(NormalizeFixtures.text(output + "/a.txt") == "L’été ’a.\n")
    }
}
