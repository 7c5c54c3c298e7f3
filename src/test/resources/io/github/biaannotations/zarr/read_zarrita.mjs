// Independent Zarr v3 reader for the tests: reads an array (or a group's attributes) with zarrita.
// usage: node read_zarrita.mjs <store folder> <node path> array <output file> | attrs
import * as zarr from "zarrita";
import FileSystemStore from "@zarrita/storage/fs";
import { writeFileSync } from "node:fs";

const [root, path, mode, out] = process.argv.slice(2);
const store = new FileSystemStore(root);
const location = zarr.root(store).resolve(path === "." ? "" : path);
if (mode === "attrs") {
	const node = await zarr.open.v3(location);
	console.log(JSON.stringify({ kind: node.kind, attrs: node.attrs }));
} else {
	const arr = await zarr.open.v3(location, { kind: "array" });
	const chunk = await zarr.get(arr);
	const data = chunk.data;
	writeFileSync(out, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
	console.log(JSON.stringify({ shape: chunk.shape, dtype: arr.dtype, codecs: arr.codecs ? arr.codecs.length : null }));
}
