import "@plugboard/react/styles.css";
import "./host-app.css";
import { createPlugboardClient } from "@plugboard/client";
import { PlugboardProvider } from "@plugboard/react";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { currentDemoUser } from "./role-switcher";

// Same origin as the page, so the demo session cookie goes along.
const client = createPlugboardClient({ baseUrl: `${window.location.origin}/api/plugboard` });

/** Who is signed in decides what Plugboard shows: a switch drops the previous user's data. */
function Root() {
  const [user, setUser] = useState(currentDemoUser);
  return (
    // The demo page follows the OS theme (host-app.css), so Plugboard's parts follow it too.
    <PlugboardProvider client={client} identityKey={`org_acme:${user}`} theme="system">
      <App user={user} onUserChange={setUser} />
    </PlugboardProvider>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
