/// Align's own SRX 2.0 rules for French and English, written for news and literary prose after
/// normalization (one apostrophe form, plain spaces or no-break spaces, glued sentences split).
///
/// Design: a break needs a terminator (`. ! ? … ‽`), optional closing quotes or brackets, white
/// space, and then what starts a sentence: a capital letter or a digit, possibly behind an opening
/// quote, bracket or dialogue dash. A lower-case word after a terminator never starts a sentence
/// (`« Qui ? » demanda-t-il`, `soldats. militaires`). No-break rules come first: titles before
/// names, abbreviations that never end a sentence, abbreviations before numbers, initials and
/// acronyms written with periods (`Donald J. Trump`, `J.-B. Hobson`, `U.S.`). `J.-C.` may end a
/// sentence (`en 52 av. J.-C. Puis…`) and is decided before the initials rule.
public enum BuiltInSegmentationRules {
    /// The rules file, as it would be written to disk.
    public static let srx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" version="2.0">
        <header segmentsubflows="yes" cascade="no"/>
        <body>
        <languagerules>
        <languagerule languagerulename="French">
        <rule break="yes"><beforebreak>\\b[Jj]\\.-C\\.</beforebreak><afterbreak>\\s+\\p{Lu}\\p{Ll}</afterbreak></rule>
        <rule break="no"><beforebreak>\\b(?:av|apr)\\.</beforebreak><afterbreak>\\s*J\\.?-C</afterbreak></rule>
        <rule break="no"><beforebreak>\\b(?:M|MM|Mme|Mmes|Mlle|Mlles|Mgr|Mgrs|Me|Dr|Drs|Pr|Prof|St|Ste|Sts|Stes|Gén|Gal|Col|Cdt|Lt|Sgt|Cne|Mr|Mrs|Ms|Messrs|Rev|Hon|Sen|Gov)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="no"><beforebreak>\\b(?:[Cc]f|[Ee]x|p\\.\\s?ex|[Cc]\\.-à-d|env|vs|av|apr|bd|boul|réf|[Cc]ie|ca|sq|sqq|op|[Vv]ol|[Cc]hap|[Aa]rt|[Ff]ig|[Nn]o|[Nn]os|[Nn]|p|pp|t|éd|coll|al|[Ii]\\.\\s?e|[Ee]\\.\\s?g|N\\.B|N\\.-B|P\\.-S)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="no"><beforebreak>\\b(?:janv|févr|fév|avr|juil|juill|sept|oct|nov|déc|env|min|max|éd|[Tt]ome|[Ll]iv|[Ss]ect|[Éé]d)\\.</beforebreak><afterbreak>\\s+\\p{N}</afterbreak></rule>
        <rule break="no"><beforebreak>(?:^|[\\s(«"“\\[.-])\\p{Lu}\\.</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>
        <rule break="yes"><beforebreak>[.!?…‽]+(?:\\s*[»”"’)\\]])*</beforebreak><afterbreak>\\s+(?:[«“"‘(\\[—–-]+\\s*)?[\\p{Lu}\\p{N}]</afterbreak></rule>
        </languagerule>
        <languagerule languagerulename="English">
        <rule break="no"><beforebreak>\\b(?:Mr|Mrs|Ms|Messrs|Mmes|Mme|Dr|Drs|Prof|Rev|Revd|Hon|St|Mt|Ft|Gen|Col|Maj|Capt|Cmdr|Lt|Sgt|Cpl|Pvt|Adm|Gov|Sen|Rep|Pres|Supt|Det|Insp)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="no"><beforebreak>\\b(?:e\\.\\s?g|i\\.\\s?e|cf|vs|viz|approx|[Nn]o|[Nn]os|[Vv]ol|[Vv]ols|[Ff]ig|[Ff]igs|pp|p|[Aa]rt|[Cc]h|[Ss]ec|[Ee]q|[Rr]ef|[Ee]d|[Ee]ds|est|[Dd]ept|[Aa]ve|[Bb]lvd)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="no"><beforebreak>\\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.</beforebreak><afterbreak>\\s+\\p{N}</afterbreak></rule>
        <rule break="no"><beforebreak>(?:^|[\\s("“‘\\[.-])\\p{Lu}\\.</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>
        <rule break="yes"><beforebreak>[.!?…‽]+(?:\\s*[”"’')\\]»])*</beforebreak><afterbreak>\\s+(?:[“"‘'(\\[—–-]+\\s*)?[\\p{Lu}\\p{N}]</afterbreak></rule>
        </languagerule>
        </languagerules>
        <maprules>
        <languagemap languagepattern="(?i)fr.*" languagerulename="French"/>
        <languagemap languagepattern="(?i)en.*" languagerulename="English"/>
        </maprules>
        </body>
        </srx>

        """

    /// The parsed rules (the text above always parses).
    public static let document: SRXDocument = {
        do {
            return try SRXDocument.parse(Array(srx.utf8), source: "built-in")
        } catch {
            preconditionFailure("the built-in SRX rules do not parse: \(error)")
        }
    }()
}
