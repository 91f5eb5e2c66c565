import Testing
@testable import DepechesKit

/// The French table's ranking rows: which of several matching dispatches comes first.
extension FrenchSearchTableTests {
  @Test func aTitleMadeOfTheQueryWordsRanksFirst() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Sanctions contre la Russie\n\nBruxelles a voté hier un texte. Les sanctions visent la Russie.")
    let often = String(repeating: "Les sanctions contre la Russie pèsent sur le commerce. ", count: 5)
    folder.write("in/b.txt", "Commerce extérieur\n\n\(often)Les exportations reculent.")
    folder.write("in/c.txt", "Sanctions contre la Syrie\n\nLa Russie proteste contre ces sanctions, dit Moscou.")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let titles = try search(index, "sanctions Russie").hits.map(\.dispatch.title)
    #expect(titles.first == "Sanctions contre la Russie", "\(titles)")
  }

  @Test func aLongDispatchRanksByItsBestPassage() throws {
    let folder = TemporaryFolder()
    let filler = (1...12).map { "Paragraphe \($0) : la vie continue en ville, les marchés ouvrent et la pluie tombe sur les toits du quartier ancien." }
    var together = filler
    together.insert("La trêve tient à Chouchi, disent les observateurs.", at: 6)
    var apart = filler
    for (n, word) in ["La trêve", "Vers Chouchi", "Des observateurs"].enumerated() {
      apart.insert("\(word) encore.", at: 1 + n * 5)
      apart.insert("\(word) toujours.", at: 3 + n * 5)
    }
    folder.write("in/a.txt", "Chronique du front\n\n" + together.joined(separator: "\n\n"))
    folder.write("in/b.txt", "Chronique de la ville\n\n" + apart.joined(separator: "\n\n"))
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    // The two share their filler, so they are versions of one text: list both.
    var request = SearchRequest(query: "trêve Chouchi observateurs")
    request.allVersions = true
    let response = try SearchIndex(paths: [index]).search(request)
    #expect(response.total == 2)
    let first = try #require(response.hits.first)
    #expect(first.dispatch.title == "Chronique du front" && first.passage == 6, "\(response.hits.map(\.dispatch.title))")
  }

  @Test func wordsWrittenAsTheQueryWritesThemRankAboveTheSameWordsApart() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", """
      Chronique du Caucase

      Les marchés ouvrent tôt.

      Un cessez-le-feu a été convenu hier soir.
      """)
    folder.write("in/b.txt", "Au village\n\nCessez de jouer avec le feu, disent les habitants.")
    for n in 1...4 { folder.write("in/other\(n).txt", "Autre \(n)\n\nRien à signaler au poste \(n), disent les gardes.") }
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    // Typed without quotes: both match, the shorter weighs more, the phrase ranks first.
    let titles = try search(index, "cessez le feu").hits.map(\.dispatch.title)
    #expect(titles == ["Chronique du Caucase", "Au village"], "\(titles)")
  }
}
