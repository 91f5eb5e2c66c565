import DepechesKit
print(DepechesKit.xapianVersion)
