/// The start of Align's self-contained HTML pages (the report and the alignment review page):
/// one place for the document head, so both pages keep the same metadata.
enum HTMLPage {
    /// Everything up to and including the `<body>` tag. `title`, `generator` and `style` must
    /// already be escaped for HTML.
    static func head(title: String, generator: String, style: String, bodyAttributes: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="aligncli \(generator)">
        <title>\(title)</title>
        <style>\(style)</style>
        </head>
        <body\(bodyAttributes)>

        """
    }
}
