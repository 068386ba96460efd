@testable import Align

/// What the targets share and build once: the shipped glossary, compiled, and a normalizer with
/// the built-in segmentation rules and the shipped boilerplate rules.
struct FuzzContext: Sendable {
    let shippedConcepts: [Concept]
    let shippedGlossary: CompiledGlossary
    /// A scanner over the shipped glossary, near misses on (built once: building it per input
    /// dominated the matcher target).
    let shippedScanner: TermScanner
    let boilerplate: BoilerplateRules
    let segmenter: SRXSegmenter

    /// Loads from the repository at `root` (the fuzz script runs from there; tests pass their own).
    init(root: String) {
        let concepts = (try? GlossaryLoader.load([root + "/glossaries"], validate: false).glossary.concepts) ?? []
        shippedConcepts = concepts
        shippedGlossary = CompiledGlossary(concepts: concepts)
        shippedScanner = TermScanner(glossary: shippedGlossary)
        boilerplate = (try? BoilerplateRules.load(path: root + "/normalize/boilerplate.tsv").rules) ?? .none
        segmenter = SRXSegmenter.compile(BuiltInSegmentationRules.document, language: "fr").segmenter
    }
}
