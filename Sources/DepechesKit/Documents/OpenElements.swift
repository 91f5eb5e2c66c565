/// The stack of open elements of a markup walk, with the positions of each name in it, so that
/// an end tag finds its element in constant time and closing pops each element once: a page of
/// unclosed elements followed by stray end tags costs time linear in its tokens, where
/// searching the stack at every end tag was quadratic.
struct OpenElements {
  private var names: [String] = []
  /// The stack positions of each open name, innermost last.
  private var positions: [String: [Int]] = [:]

  /// How many elements are open.
  var count: Int { names.count }
  /// True when no element is open.
  var isEmpty: Bool { names.isEmpty }
  /// The innermost open element.
  var last: String? { names.last }

  /// The element at stack position `index` (0 is the outermost).
  subscript(index: Int) -> String { names[index] }

  /// Opens `name` inside the innermost element.
  mutating func push(_ name: String) {
    positions[name, default: []].append(names.count)
    names.append(name)
  }

  /// The stack position of the innermost open `name`, or nil.
  func lastIndex(of name: String) -> Int? {
    positions[name]?.last
  }

  /// Closes every element from stack position `index` inwards.
  mutating func close(from index: Int) {
    while names.count > index {
      let name = names.removeLast()
      positions[name]!.removeLast()
      if positions[name]!.isEmpty { positions[name] = nil }
    }
  }
}
