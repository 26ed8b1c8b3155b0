import { createRoot } from "react-dom/client";
import { IntegrationsSettings } from "./readme/frontend-quick-start";

const root = document.getElementById("root");
// The signed-in user, as the host's page knows it (the README's component takes it as a prop).
const user = { organizationId: "org_acme", id: "ada" };
if (root) createRoot(root).render(<IntegrationsSettings user={user} />);
