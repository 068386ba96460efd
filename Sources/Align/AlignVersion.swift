/// The version of Align, shown by `--version` and written into every machine-readable output.
public enum AlignVersion {
    public static let current = "0.1.0"
}
