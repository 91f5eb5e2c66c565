/// The page's stylesheet and its small script, served by the server itself (the Content
/// Security Policy allows no inline style or script). Kept in the binary, so the server needs
/// no file beside it.
enum Assets {
  static let stylesheetPath = "/assets/depeches.css"
  static let scriptPath = "/assets/depeches.js"
  /// They change only with the binary: browsers may keep them a day.
  static let cacheControl = "public, max-age=86400"

  /// Colours with a contrast of at least 4.5:1 on their backgrounds (WCAG AA), a visible
  /// focus ring, and bars that stretch to the width of the row.
  static let stylesheet = """
    :root { --ink: #1b1b1b; --muted: #4a4a4a; --paper: #fdfcf9; --accent: #0b4f8a; --mark: #ffe27a;
      --bar: #3b6ea5; --line: #d8d4cc; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: var(--paper); line-height: 1.5; }
    a { color: var(--accent); }
    a:focus-visible, input:focus-visible, select:focus-visible, button:focus-visible, main:focus-visible {
      outline: 3px solid #c2410c; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
    header, main, footer { max-width: 56rem; margin: 0 auto; padding: 1rem; }
    header { border-bottom: 1px solid var(--line); }
    .brand { margin: 0 0 .5rem; font-weight: 700; font-size: 1.4rem; }
    .brand a { color: var(--ink); text-decoration: none; }
    .search label { font-weight: 600; }
    .query { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
    .query label { flex-basis: 100%; }
    #q { flex: 1; min-width: 12rem; font-size: 1.1rem; padding: .45rem .6rem; border: 2px solid var(--muted); border-radius: 4px; }
    button { font-size: 1rem; padding: .5rem 1rem; background: var(--accent); color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
    .help { color: var(--muted); font-size: .9rem; margin: .3rem 0; }
    kbd { font-family: inherit; background: #eee; border-radius: 3px; padding: 0 .25rem; }
    .filters { border: 0; padding: 0; margin: .5rem 0 0; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
    .filters legend { position: absolute; left: -999px; }
    .filters label { font-weight: 400; }
    .filters input, .filters select { font-size: .95rem; padding: .25rem; }
    h1 { font-size: 1.3rem; }
    .total .range { color: var(--muted); font-weight: 400; font-size: 1rem; }
    .notice { padding: .5rem .75rem; border-left: 4px solid var(--accent); background: #eef4fb; }
    .notice.warning { border-color: #9a6700; background: #fff6dd; }
    .notice.error { border-color: #b42318; background: #fdecea; }
    .suggestion { font-size: 1.05rem; }
    mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
    .results { padding-left: 1.5rem; }
    .result { margin: 0 0 1.25rem; }
    .result h2 { font-size: 1.1rem; margin: 0; }
    .meta { color: var(--muted); font-size: .9rem; margin: .1rem 0; }
    .path { font-family: ui-monospace, monospace; font-size: .85rem; }
    .snippet { margin: .25rem 0 0; }
    .histogram h2 { font-size: 1rem; margin-bottom: 0; }
    .bars { list-style: none; display: flex; align-items: flex-end; gap: 2px; padding: 0; margin: .5rem 0 1.5rem;
      overflow-x: auto; }
    .shape { border-bottom: 1px solid var(--muted); }
    .bar { flex: 1 1 0; min-width: 1.6rem; max-width: 4rem; text-align: center; font-size: .75rem; }
    .bars.dense .bar { min-width: .5rem; }
    .bar a, .bar .period { display: block; color: var(--ink); text-decoration: none; }
    .bar a:hover .shape rect { fill: var(--accent); }
    .shape { display: block; width: 100%; height: 5rem; }
    .shape rect { fill: var(--bar); }
    .bar.empty .label, .bar.empty .count { color: var(--muted); }
    .bar.undated .shape rect { fill: #777; }
    .label, .count, .year { display: block; white-space: nowrap; overflow: hidden; line-height: 1.3; min-height: 1.3em; }
    .year { font-weight: 600; overflow: visible; }
    .bars.dense .label, .bars.dense .count { visibility: hidden; }
    .bars.dense .bar.landmark .label { visibility: visible; }
    .pages { display: flex; gap: 1rem; justify-content: center; margin: 1.5rem 0; }
    .dispatch .text p { margin: 0 0 1rem; }
    .dispatch .best { background: #fff8e0; box-shadow: -.6rem 0 0 #fff8e0, .6rem 0 0 #fff8e0; }
    .dispatch :target { outline: 2px solid var(--mark); }
    footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
    @media (prefers-color-scheme: dark) {
      :root { --ink: #ececec; --muted: #b8b8b8; --paper: #161616; --accent: #8cc4ff; --mark: #7a5d00; --bar: #6fa3dd; --line: #3a3a3a; }
      .notice { background: #1d2a38; } .notice.warning { background: #33290f; } .notice.error { background: #3a1512; }
      button { color: #0b0b0b; } kbd { background: #333; } .skip:focus { background: #000; }
      .dispatch .best { background: #2b2616; box-shadow: -.6rem 0 0 #2b2616, .6rem 0 0 #2b2616; }
    }

    """

  /// Improvements only: the page works without them. Changing the order re-runs the search; "/" puts the cursor in the search box; a dispatch opened without an anchor scrolls
  /// to its best passage.
  static let script = """
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
      var form = document.querySelector("form.search");
      var q = document.getElementById("q");
      if (form && q) {
        var sort = document.getElementById("sort");
        if (sort) sort.addEventListener("change", function () { if (q.value.trim()) form.submit(); });
        document.addEventListener("keydown", function (event) {
          var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
          if (event.key === "/" && !typing) { event.preventDefault(); q.focus(); q.select(); }
        });
      }
      var best = document.querySelector("[data-best]");
      if (best && !location.hash) best.scrollIntoView({ block: "center" });
    });

    """
}
