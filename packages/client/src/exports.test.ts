import * as client from "@plugboard/client";
import { expect, test } from "vitest";

// Every name here is a promise to users, so adding, renaming or dropping one must show up in
// review as an edit to this snapshot.
test("@plugboard/client's public exports change only deliberately", () => {
  expect(Object.keys(client).sort()).toMatchInlineSnapshot(`
    [
      "PlugboardError",
      "createPlugboardClient",
      "isPlugboardError",
    ]
  `);
});
