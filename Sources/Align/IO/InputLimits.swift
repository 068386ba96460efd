/// The largest inputs Align reads; beyond them a run stops with a message naming the file (and
/// the line), never with an exhausted machine. Documented in the README ("Limits").
public enum InputLimits {
    /// Files read whole (glossaries, TBX, SRX, documents to normalize or align, translations):
    /// 256 MiB. Normalizing keeps several copies of a document, about 35 bytes per input byte
    /// at worst (one 50 MB line), so this keeps a run within a few GB. `scan` and `report` read
    /// documents in blocks and have no file limit.
    public static let maximumFileSize = 256 << 20
    /// One line of a document: 64 MiB. A line is the unit the matcher and the normalizer work
    /// on, so it is held whole; a 50 MB line scans in about 0.9 GB.
    public static let maximumLineLength = 64 << 20

    /// "256 MiB", for messages.
    static func describe(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }
}
