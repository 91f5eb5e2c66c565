@testable import DepechesKit
import Foundation
import Testing

@Suite struct SynonymTests {
  @Test func builtInHasTheNewsGroups() {
    let table = SynonymTable.builtIn
    #expect((40...100).contains(table.groups.count), "\(table.groups.count) groups")
    #expect(table.groups.allSatisfy { group in group.allSatisfy { FrenchAnalyzer.fold($0) == $0 } })
  }

  @Test(arguments: [
    ("Karabakh", ["karabagh", "karabach"]),
    ("Choïgou", ["shoigu"]),
    ("Azerbaïdjan", ["azerbaijan"]),
    ("kyïv", ["kiev"]),
    ("Bélarus", ["bielorussie"]),
    ("Nagorno", ["nagorny", "nagorni"]),
    ("DAESH", ["daech", "isis", "eiil"]),
    ("Arménie", []),
  ])
  func variants(term: String, expected: [String]) {
    #expect(SynonymTable.builtIn.variants(of: term) == expected)
  }

  @Test func theStoredTextReadsBackAsTheSameTable() throws {
    let user = try SynonymTable(parsing: "Choïgou, Choigu, Shoigu # variants\nKyiv, Kiev, Kiew\n")
    for table in [SynonymTable.builtIn, user] {
      let stored = SynonymTable(storedText: table.text)
      #expect(stored.groups == table.groups)
      for term in table.groups.joined() { #expect(stored.variants(of: term) == table.variants(of: term)) }
    }
    #expect(SynonymTable(storedText: user.text).variants(of: "Choïgou") == ["choigu", "shoigu"])
  }

  @Test func parsesCommentsBlankLinesAndDuplicates() throws {
    let table = try SynonymTable(parsing: "# names\n\nbakou, Baku  # city\n choïgou,choigou , shoigu\n")
    #expect(table.groups == [["bakou", "baku"], ["choigou", "shoigu"]])
  }

  @Test(arguments: [
    ("bakou, baku\nhaut karabakh, karabagh", "line 2: 'haut karabakh' is not a single word"),
    ("erevan-goris, x", "line 1: 'erevan-goris' is not a single word"),
    ("bakou", "line 1: a group needs at least two different words"),
    ("bakou, Bakou", "line 1: a group needs at least two different words"),
    ("bakou, , baku", "line 1: empty entry"),
    ("bakou, baku\n\nbaku, bakou2", "line 3: 'baku' is already in another group"),
  ])
  func rejectsMalformedLines(text: String, message: String) {
    #expect(throws: DepechesError.invalidArgument(message)) { try SynonymTable(parsing: text) }
  }
}

@Suite struct StopWordTests {
  /// Every word of data/stopwords-fr.txt, folded, is marked as a stop word.
  @Test func everyListedWordIsMarked() throws {
    let path = String(#filePath).components(separatedBy: "/Tests/")[0] + "/data/stopwords-fr.txt"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let words = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    #expect(words.count > 100)
    for word in words {
      let tokens = FrenchAnalyzer().tokens(in: word)
      #expect(tokens.count == 1 && tokens[0].isStopWord, "\(word)")
    }
  }

  @Test(arguments: ["Arménie", "cessez", "feu", "drone", "guerre"])
  func contentWordsAreNot(word: String) {
    #expect(FrenchAnalyzer().tokens(in: word).map(\.isStopWord) == [false])
  }
}

@Suite struct StopWordTableTests {
  /// The table holds the listed words folded by the engine's fold, each once, and nothing else.
  @Test func theTableIsTheListFoldedByTheEnginesFold() {
    let folded = StopWords.listed.map(FrenchAnalyzer.fold)
    #expect(StopWords.words == folded.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } })
    #expect(StopWords.words.contains("ete") && !StopWords.words.contains("été"))
    #expect(StopWords.listed.contains("été"))
    for word in StopWords.words { #expect(StopWords.contains(word), "\(word)") }
    for word in ["été", "Le", "arménie", ""] { #expect(!StopWords.contains(word), "\(word)") }
  }
}
