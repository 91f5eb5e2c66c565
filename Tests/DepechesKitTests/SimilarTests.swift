import Foundation
import Testing
@testable import DepechesKit

/// `similar`: the dispatches about the same thing as one, itself left out.
@Suite struct SimilarTests {
  private func corpus() throws -> (TemporaryFolder, String) {
    let folder = TemporaryFolder()
    let drones = [
      ("Des drones Bayraktar frappent le Haut-Karabakh",
       "Le 1 octobre 2020, les drones Bayraktar de l'armée azerbaïdjanaise ont frappé le Karabakh; Erevan dénonce Bakou."),
      ("Erevan accuse Bakou: drones Bayraktar au Karabakh",
       "Le 2 octobre 2020, à Stepanakert, des habitants racontent les frappes des drones Bayraktar; Erevan accuse Bakou et Ankara."),
      ("Le Karabakh sous les drones turcs Bayraktar",
       "Le 3 octobre 2020, Bakou affirme que ses drones Bayraktar ont détruit des chars arméniens au Karabakh."),
    ]
    for (n, (title, body)) in drones.enumerated() { folder.write("docs/drone-\(n).txt", "\(title)\n\n\(body)\n") }
    // Another version of drone-0 (same text, another headline): a duplicate, not a related dispatch.
    folder.write("docs/drone-copie.txt", "Frappes de drones au Karabakh\n\n\(drones[0].1)\n")
    for n in 0..<6 {
      folder.write("docs/autre-\(n).txt", "Récolte des pommes \(n)\n\nLe \(n + 1) septembre 2020, la récolte des pommes commence dans les vergers normands.\n")
    }
    let (index, _) = try buildIndex([folder.path + "/docs"], in: folder)
    return (folder, index)
  }

  @Test func relatedDispatchesComeFirstAndTheDispatchIsLeftOut() throws {
    let (folder, index) = try corpus()
    let opened = try SearchIndex(paths: [index])
    let ids = try opened.dispatchIDs(inFile: folder.path + "/docs/drone-0.txt")
    let id = try #require(ids.first)
    #expect(ids.count == 1)
    let answer = try #require(try opened.similar(SimilarRequest(id: id, limit: 5)))
    #expect(answer.dispatch.id == id)
    #expect(!answer.terms.isEmpty && answer.terms.allSatisfy { !StopWords.contains($0) && !$0.hasPrefix("Q") })
    #expect(!answer.response.hits.contains { $0.dispatch.id == id }, "the dispatch itself is left out")
    let top = answer.response.hits.prefix(2).map { ($0.dispatch.path as NSString).lastPathComponent }.sorted()
    #expect(top == ["drone-1.txt", "drone-2.txt"])
    let shown = answer.response.hits.flatMap { [$0.dispatch.path] + $0.duplicates.map(\.path) }
    #expect(!shown.contains { $0.hasSuffix("drone-copie.txt") }, "the dispatch's own versions are left out")
    #expect(answer.response.hits.allSatisfy { !$0.snippet.text.isEmpty })
  }

  @Test func datesLimitAndUnknownIDs() throws {
    let (folder, index) = try corpus()
    let opened = try SearchIndex(paths: [index])
    let id = try #require(try opened.dispatchIDs(inFile: folder.path + "/docs/drone-0.txt").first)
    let october = try #require(DispatchDate(iso: "2020-10-01"))
    let answer = try #require(try opened.similar(SimilarRequest(id: id, limit: 10, since: october)))
    #expect(answer.response.hits.allSatisfy { ($0.dispatch.date ?? october) >= october })
    #expect(answer.response.hits.count == 2)
    #expect(try opened.similar(SimilarRequest(id: "0123456789abcdef")) == nil)
    #expect(try opened.dispatchIDs(inFile: folder.path + "/docs/missing.txt").isEmpty)
  }
}
