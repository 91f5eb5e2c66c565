import Foundation
import Testing

/// A folder mixing every format, encoding and a few bad files, indexed by the real binary.
@Suite(.serialized) struct FormatsCLITests {
  static func mixedFolder() -> Workspace {
    let ws = Workspace(withSeeds: false)
    func put(_ name: String, _ text: String) { ws.write("mix/\(name)", bytes: Array(text.utf8)) }
    put("wire.txt", "Titre: Dépêche AFP sur Bakou\nDate: 16/11/2021\nSource: AFP\n\nLes forces de Bakou avancent vers Syunik.")
    put("note.md", "---\ntitle: Note sur Erevan\ndate: 2021-11-17\nauthor: Anne\n---\n# Erevan\n\nLe [gouvernement](https://x.fr) d'Erevan proteste.")
    put("page.html", "<html><head><title>Page Karabakh</title><meta property=\"og:site_name\" content=\"Le Site\"><meta property=\"article:published_time\" content=\"2021-11-18T10:00:00Z\"></head><body><nav>menu</nav><article><p>Combats au Karabakh&nbsp;: l&#233;gers.</p></article><script>var x=1;</script></body></html>")
    put("feed.jsonl", "{\"title\":\"Ligne un\",\"date\":\"2021-11-19\",\"body\":\"Drones au-dessus de Stepanakert.\",\"url\":\"https://ex.fr/1\"}\n{\"title\":\"Ligne deux\",\"body\":\"Drones encore.\"}\n")
    put("flux.rss", "<?xml version=\"1.0\"?><rss><channel><title>Flux</title><item><title>Item RSS</title><pubDate>Sat, 20 Nov 2021 08:00:00 GMT</pubDate><description>Drones et artillerie.</description><guid>a1</guid></item></channel></rss>")
    // Windows-1252: "Évacuation à Goris" with É = 0xC9, à = 0xE0.
    ws.write("mix/ancien.txt", bytes: Array("Ancien fichier\n\n".utf8) + [0xC9] + Array("vacuation ".utf8) + [0xE0] + Array(" Goris.".utf8))
    ws.write("mix/utf16.txt", bytes: [0xFF, 0xFE] + Array("Seize\n\nRéfugiés à Goris.".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    ws.write("mix/binaire.txt", bytes: [0x00, 0x01, 0x02, 0x03, 0x00])
    ws.write("mix/vide.md", bytes: [])
    ws.write("mix/photo.jpg", bytes: [0xFF, 0xD8, 0xFF])
    return ws
  }

  @Test func mixedFolderIndexesWithOneWarningPerBadFile() throws {
    let ws = Self.mixedFolder()
    let run = try ws.run("index", "mix")
    #expect(run.status == 0)
    let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") }
    #expect(warnings.count == 3, "\(run.stderr)")
    for name in ["binaire.txt", "vide.md", "photo.jpg"] { #expect(warnings.contains { $0.contains(name) }) }
    #expect(run.stderr.contains("indexed 8 dispatches from 7 files"), "\(run.stderr)")
    #expect(run.stderr.contains("skipped 3"))

    let goris = try jsonObject(try ws.run("search", "goris", "--json").stdout)
    let titles = Set(((goris["results"] as? [[String: Any]]) ?? []).compactMap { $0["title"] as? String })
    #expect(titles == ["Ancien fichier", "Seize"])

    let wire = try jsonObject(try ws.run("search", "Syunik", "--json").stdout)
    let hit = try #require((wire["results"] as? [[String: Any]])?.first)
    #expect(hit["title"] as? String == "Dépêche AFP sur Bakou")
    #expect(hit["date"] as? String == "2021-11-16")
    #expect(hit["source"] as? String == "AFP")

    let page = try #require((try jsonObject(try ws.run("search", "Karabakh", "--json").stdout)["results"] as? [[String: Any]])?.first)
    #expect(page["title"] as? String == "Page Karabakh")
    #expect(page["date"] as? String == "2021-11-18")
    #expect(page["source"] as? String == "Le Site")
    #expect(!(page["snippet"] as? String ?? "").contains("menu"))

    let drones = try jsonObject(try ws.run("search", "drones", "--json").stdout)
    #expect(drones["total"] as? Int == 3)
    let note = try #require((try jsonObject(try ws.run("search", "gouvernement", "--json").stdout)["results"] as? [[String: Any]])?.first)
    #expect(note["author"] as? String == "Anne")
    #expect(!(note["snippet"] as? String ?? "").contains("https"))
  }
}
