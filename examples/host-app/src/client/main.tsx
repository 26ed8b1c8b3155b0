import "@plugboard/react/styles.css";
import "./host-app.css";
import { createPlugboardClient } from "@plugboard/client";
import { PlugboardProvider } from "@plugboard/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";

// Same origin as the page, so the demo session cookie goes along.
const client = createPlugboardClient({ baseUrl: `${window.location.origin}/api/plugboard` });

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <PlugboardProvider client={client}>
      <App />
    </PlugboardProvider>
  </StrictMode>,
);
