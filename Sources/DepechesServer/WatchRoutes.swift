import DepechesFormat
import DepechesKit
import Hummingbird

/// The routes of saved searches and related dispatches: `/feeds/NAME.atom` (a saved search's
/// Atom feed), `/similar?id=…` (the page of the dispatches related to one) and
/// `/api/similar?id=…&limit=&since=&until=` (the `similar --json` document).
extension Routes {
  /// Suffix of a feed's path.
  static let feedSuffix = ".atom"

  func addWatchRoutes(to router: Router<BasicRequestContext>) {
    router.get("/feeds/:file") { _, context in try await feed(file: context.parameters.get("file")) }
    router.get("/similar") { request, _ in await similarPage(request) }
    router.get("/api/similar") { request, _ in try await apiSimilar(request) }
  }

  /// The saved searches of the first index (where `depeches watch` keeps them); none when it
  /// has none or cannot be read.
  func savedSearches() -> [SavedSearch] {
    guard let first = pool.indexes.first, let store = try? WatchStore(indexPath: first) else { return [] }
    return (try? store.load()) ?? []
  }

  private func feed(file: String?) async throws -> Response {
    guard let file, file.hasSuffix(Self.feedSuffix) else { throw Failure.notFound("feed") }
    let name = String(file.dropLast(Self.feedSuffix.count))
    guard SavedSearch.problem(withName: name) == nil, let search = savedSearches().first(where: { $0.name == name }) else {
      throw Failure.notFound("no saved search named \(name)")
    }
    let response = try await pool.run { try $0.latestMatches(of: search) }.value
    let document = AtomFeed.document(
      search: search, response: response, link: { "/d/\($0.dispatch.id)" }, selfLink: "/feeds/\(file)")
    return Reply.text(document, type: AtomFeed.contentType)
  }

  /// The id and the paging of a similar request (`limit`, `since`, `until` as for a search).
  private func similarRequest(_ request: Request) throws -> (SimilarRequest, SearchParameters) {
    let form = try FormQuery(request.uri.query)
    let search = try SearchParameters(form, requireQuery: false)
    guard let id = form["id"], Self.isDispatchID(id) else {
      throw ParameterError(message: "give a dispatch id as id=… (16 hex digits)", french: "l’identifiant de dépêche manque")
    }
    guard search.limit > 0 else {  // a search's limit=0 (totals only) means nothing here
      throw ParameterError(
        message: "limit must be between 1 and \(SearchParameters.maxLimit)",
        french: "le nombre de résultats doit être entre 1 et \(SearchParameters.maxLimit)")
    }
    return (SimilarRequest(id: id, limit: search.limit, since: search.since, until: search.until), search)
  }

  private func apiSimilar(_ request: Request) async throws -> Response {
    let (similar, _) = try similarRequest(request)
    guard let answer = try await pool.run({ try $0.similar(similar) }).value else {
      throw Failure.notFound("no dispatch with id \(similar.id)")
    }
    return Reply.json(try JSONOutput.similar(answer))
  }

  private func similarPage(_ request: Request) async -> Response {
    do {
      let (similar, search) = try similarRequest(request)
      let answer = try await pool.run { try $0.similar(similar) }
      guard let value = answer.value else { return failurePage(Failure.notFound("dispatch \(similar.id)"), search: nil) }
      return Reply.html(WatchPages.similar(value, search: search, warnings: answer.warnings))
    } catch {
      return failurePage(error, search: nil)
    }
  }
}
