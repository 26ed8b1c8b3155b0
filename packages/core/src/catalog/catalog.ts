import type { CatalogEntry } from "../schemas/integrations";
import { logos } from "./logos";

/** The integrations Plugboard ships. Hosts may filter it or add their own entries. */
export const integrationCatalog: readonly CatalogEntry[] = [
  {
    id: "github",
    name: "GitHub",
    category: "source-control",
    auth: "oauth",
    levels: ["organization", "user"],
    description: {
      available:
        "Link repositories to projects, see pull requests and commits on issues, and close issues when pull requests merge.",
      installed:
        "Pull requests and commits that mention an issue key appear on the issue; merged pull requests move it forward.",
    },
    logo: logos.github,
    featured: true,
  },
  {
    id: "slack",
    name: "Slack",
    category: "communication",
    auth: "oauth",
    levels: ["organization", "user"],
    description: {
      available:
        "Create issues from messages, unfurl issue links and post project updates to channels.",
      installed: "Issue links unfurl in Slack and project updates post to the channels you chose.",
    },
    logo: logos.slack,
    featured: true,
  },
  {
    id: "google-calendar",
    name: "Google Calendar",
    category: "calendar",
    auth: "oauth",
    levels: ["user"],
    description: {
      available: "Put cycles, due dates and milestones on your Google Calendar.",
      installed: "Cycles, due dates and milestones sync to your Google Calendar.",
    },
    logo: logos.googleCalendar,
    featured: false,
  },
  {
    id: "pumble",
    name: "Pumble",
    category: "communication",
    auth: "webhook",
    levels: ["organization", "project"],
    description: {
      available: "Post issue and project activity to a Pumble channel through an incoming webhook.",
      installed: "Issue and project activity posts to your Pumble channel.",
    },
    logo: logos.pumble,
    featured: false,
  },
  {
    id: "jira",
    name: "Jira import",
    category: "import",
    auth: "import",
    levels: ["organization"],
    description: {
      available: "Bring projects, issues, comments and attachments over from Jira.",
      installed: "Jira projects have been imported; run the importer again to bring over changes.",
    },
    logo: logos.jira,
    featured: false,
  },
];
