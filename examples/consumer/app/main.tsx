import { createRoot } from "react-dom/client";
import { IntegrationsSettings } from "./readme/frontend-quick-start";

const root = document.getElementById("root");
if (root) createRoot(root).render(<IntegrationsSettings />);
