# Independent Zarr v2 reader for the tests: reads an array (or a group's attributes) with zarr-python.
# usage: python3 read_zarr_v2.py <store folder> <node path> array <output file> | attrs
import json
import sys

import zarr

root, path, mode = sys.argv[1:4]
store = zarr.DirectoryStore(root)
node = zarr.open(store=store, path="" if path == "." else path, mode="r")
if mode == "attrs":
    print(json.dumps({"kind": "array" if isinstance(node, zarr.Array) else "group", "attrs": node.attrs.asdict()}))
else:
    data = node[...]
    with open(sys.argv[4], "wb") as f:
        f.write(data.astype(data.dtype.newbyteorder("<")).tobytes())
    print(json.dumps({"shape": list(data.shape), "dtype": str(data.dtype), "compressor": str(node.compressor)}))
