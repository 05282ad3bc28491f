import {describe, expect, it} from "vitest";
import {relativeToRoot, type PickedFile} from "../../src/components/drop-files.ts";

const picked = (...paths: string[]): PickedFile[] => paths.map((path) => ({file: {} as File, path}));
const paths = (files: PickedFile[]) => files.map((f) => f.path);

describe("dropped files are named as the command line names them", () => {
  it("drops the name of the one folder every file came from", () => {
    expect(paths(relativeToRoot(picked("demo/zendesk/a.json", "demo/profile.json")))).toEqual([
      "zendesk/a.json",
      "profile.json",
    ]);
  });
  it("keeps paths from several folders, and plain files, as they are", () => {
    expect(paths(relativeToRoot(picked("a/x.csv", "b/y.csv")))).toEqual(["a/x.csv", "b/y.csv"]);
    expect(paths(relativeToRoot(picked("x.csv", "a/y.csv")))).toEqual(["x.csv", "a/y.csv"]);
    expect(paths(relativeToRoot(picked("x.csv")))).toEqual(["x.csv"]);
  });
});
