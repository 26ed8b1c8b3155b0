import { setupServer } from "msw/node";

/** One msw server for the component tests; each test installs the handlers it needs. */
export const server = setupServer();
