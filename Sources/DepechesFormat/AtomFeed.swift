import DepechesKit
import Foundation

/// The Atom 1.0 feed (RFC 4287) of a saved search: its latest matches, newest first, written
/// by `depeches watch feed` and served at `/feeds/NAME.atom`. Entry ids come from the
/// dispatch ids, so a reader sees an edited dispatch as the same entry, updated.
public enum AtomFeed {
  /// The media type a server sends it with.
  public static let contentType = "application/atom+xml; charset=utf-8"
  /// The `tag:` URI authority and date of every id (RFC 4151).
  static let tagAuthority = "tag:depeches,2026:"

  /// The feed's document. `link` gives an entry's address when the dispatch has no web
  /// address of its own (`url`, when http or https); `selfLink` is the feed's own address,
  /// when it has one (the server's).
  public static func document(
    search: SavedSearch, response: SearchResponse, link: (SearchHit) -> String, selfLink: String? = nil
  ) -> String {
    let updated = response.hits.compactMap(\.indexedAt).max() ?? search.created
    var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    xml += "  <id>\(escaped(tagAuthority + "watch:" + search.name))</id>\n"
    xml += "  <title>\(escaped("Dépêches : " + search.name))</title>\n"
    xml += "  <subtitle>\(escaped(search.query))</subtitle>\n"
    xml += "  <updated>\(escaped(updated))</updated>\n"
    xml += "  <author><name>Dépêches</name></author>\n"
    xml += "  <generator>depeches</generator>\n"
    if let selfLink { xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escaped(selfLink))\"/>\n" }
    for hit in response.hits { xml += entry(hit, updated: hit.indexedAt ?? search.created, link: link) }
    return xml + "</feed>\n"
  }

  private static func entry(_ hit: SearchHit, updated: String, link: (SearchHit) -> String) -> String {
    let d = hit.dispatch
    var xml = "  <entry>\n"
    xml += "    <id>\(escaped(tagAuthority + "dispatch:" + d.id))</id>\n"
    xml += "    <title>\(escaped(d.title))</title>\n"
    xml += "    <updated>\(escaped(updated))</updated>\n"
    if let date = d.date { xml += "    <published>\(date.iso)T00:00:00Z</published>\n" }
    xml += "    <link href=\"\(escaped(webAddress(d.url) ?? link(hit)))\"/>\n"
    if let name = d.author ?? d.source { xml += "    <author><name>\(escaped(name))</name></author>\n" }
    if let source = d.source { xml += "    <category term=\"\(escaped(source))\"/>\n" }
    xml += "    <summary>\(escaped(hit.snippet.text))</summary>\n"
    return xml + "  </entry>\n"
  }

  /// `url` when it is an http or https address (no `javascript:` link reaches a reader).
  static func webAddress(_ url: String?) -> String? {
    guard let url, let scheme = url.split(separator: ":", maxSplits: 1).first?.lowercased(),
      scheme == "http" || scheme == "https"
    else { return nil }
    return url
  }

  /// A `file:` URI of an absolute path, percent-encoded: the link of a dispatch with no web
  /// address, in a feed written to a file.
  public static func fileURI(_ absolutePath: String) -> String {
    "file://" + (absolutePath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolutePath)
  }

  /// Text for XML content and attribute values (`MarkupText.escaped`).
  static func escaped(_ text: String) -> String { MarkupText.escaped(text) }
}
