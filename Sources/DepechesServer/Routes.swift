import DepechesFormat
import DepechesKit
import Hummingbird

/// Every route of the server: the page, the dispatch pages, the API and the two asset files.
/// Handlers read and check their parameters, hand the engine work to the `IndexPool`, and
/// render; a thrown failure becomes its response in `GuardMiddleware`.
struct Routes: Sendable {
  let pool: IndexPool
  let cache: ResponseCache

  func add(to router: Router<BasicRequestContext>) {
    router.get("/") { request, _ in await searchPage(request) }
    router.get("/d/:id") { request, context in await dispatchPage(request, id: context.parameters.get("id")) }
    router.get("/api/search") { request, _ in try await apiSearch(request) }
    router.get("/api/stats") { _, _ in Reply.json(try JSONOutput.stats(try await pool.run { try $0.stats() }.value)) }
    router.get("/api/dispatch/:id") { _, context in try await apiDispatch(id: context.parameters.get("id")) }
    addWatchRoutes(to: router)
    router.get(RouterPath(Assets.stylesheetPath)) { _, _ in
      Reply.text(Assets.stylesheet, type: "text/css; charset=utf-8", cache: Assets.cacheControl)
    }
    router.get(RouterPath(Assets.scriptPath)) { _, _ in
      Reply.text(Assets.script, type: "text/javascript; charset=utf-8", cache: Assets.cacheControl)
    }
  }

  /// True for the ids the engine gives dispatches (16 lower-case hex digits, see
  /// `Dispatch.makeID`); anything else is not looked up at all.
  static func isDispatchID(_ id: String?) -> Bool {
    guard let id else { return false }
    return id.utf8.count == 16 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }

  private func apiSearch(_ request: Request) async throws -> Response {
    let search = try SearchParameters(FormQuery(request.uri.query), requireQuery: true).request
    let answer = try await cache.answer(for: "api?" + (request.uri.query ?? "")) {
      let engine = try await pool.run { try $0.search(search) }
      return (try JSONOutput.search(engine.value) + "\n", Reply.jsonType, engine.warnings.isEmpty)
    }
    return Reply.text(answer.body, type: answer.type)
  }

  private func apiDispatch(id: String?) async throws -> Response {
    guard let id, Self.isDispatchID(id), let reading = try await pool.run({ try $0.read(id: id) }).value else {
      throw Failure.notFound("no dispatch with id \(id ?? "")")
    }
    return Reply.json(try JSONOutput.dispatch(reading.dispatch))
  }

  private func searchPage(_ request: Request) async -> Response {
    await page(request) { search in
      if search.isBlank {
        let answer = try await pool.run { try $0.stats() }
        return Reply.html(SearchPage.home(stats: answer.value, warnings: answer.warnings, saved: savedSearches()))
      }
      let engineRequest = search.request
      let page = try await cache.answer(for: "page?" + (request.uri.query ?? "")) {
        let answer = try await pool.run { try $0.search(engineRequest) }
        let html = SearchPage.results(answer.value, for: search, warnings: answer.warnings)
        return (html.markup, Reply.htmlType, answer.warnings.isEmpty)
      }
      return Reply.text(page.body, type: page.type)
    }
  }

  private func dispatchPage(_ request: Request, id: String?) async -> Response {
    guard let id, Self.isDispatchID(id) else { return failurePage(Failure.notFound("dispatch"), search: nil) }
    return await page(request) { search in
      let query = search.isBlank ? nil : search.query
      let answer = try await pool.run { index -> DispatchReading? in
        do {
          return try index.read(id: id, query: query)
        } catch DepechesError.invalidQuery {
          return try index.read(id: id)  // a query that does not parse still lets the text show
        }
      }
      guard let reading = answer.value else { return failurePage(Failure.notFound("dispatch \(id)"), search: search) }
      return Reply.html(DispatchPage.page(reading, search: search))
    }
  }

  /// A page made from the request's search parameters by `render`: parameters the client got
  /// wrong, or a failure of `render`, become the error page (with the search box kept filled).
  private func page(_ request: Request, render: (SearchParameters) async throws -> Response) async -> Response {
    let search: SearchParameters
    do {
      search = try SearchParameters(FormQuery(request.uri.query), requireQuery: false)
    } catch {
      return failurePage(error, search: nil)
    }
    do {
      return try await render(search)
    } catch {
      return failurePage(error, search: search)
    }
  }

  func failurePage(_ error: any Error, search: SearchParameters?) -> Response {
    let failure = Failure(error)
    return Reply.html(Layout.errorPage(failure, search: search), status: failure.status)
  }
}
