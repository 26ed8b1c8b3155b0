import type { HostProject } from "@plugboard/core";
import { priorities } from "./blocks";

const plain = (text: string) => ({ type: "plain_text", text: text.slice(0, 75), emoji: true });

/** What the create modal remembers between views.open and view_submission. */
export interface CreateModalMetadata {
  channelId: string;
  /** Set when the modal came from a message shortcut: the confirmation goes in its thread. */
  threadTs?: string | null;
}

/** `/plugboard create <title>` and the message shortcut: project, title, description, priority, assignee. */
export function createIssueModal(
  projects: HostProject[],
  prefill: { title?: string; description?: string },
  metadata: CreateModalMetadata,
) {
  return {
    type: "modal",
    callback_id: "plugboard.create_issue",
    title: plain("Create issue"),
    submit: plain("Create"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        type: "input",
        block_id: "project",
        label: plain("Project"),
        element: {
          type: "static_select",
          action_id: "value",
          options: projects.slice(0, 100).map((project) => ({
            text: plain(`${project.key} · ${project.name}`),
            value: project.id,
          })),
          ...(projects.length === 1 && projects[0]
            ? {
                initial_option: {
                  text: plain(`${projects[0].key} · ${projects[0].name}`),
                  value: projects[0].id,
                },
              }
            : {}),
        },
      },
      {
        type: "input",
        block_id: "title",
        label: plain("Title"),
        element: {
          type: "plain_text_input",
          action_id: "value",
          max_length: 255,
          ...(prefill.title ? { initial_value: prefill.title.slice(0, 255) } : {}),
        },
      },
      {
        type: "input",
        block_id: "description",
        optional: true,
        label: plain("Description"),
        element: {
          type: "plain_text_input",
          action_id: "value",
          multiline: true,
          ...(prefill.description ? { initial_value: prefill.description.slice(0, 3000) } : {}),
        },
      },
      {
        type: "input",
        block_id: "priority",
        optional: true,
        label: plain("Priority"),
        element: {
          type: "static_select",
          action_id: "value",
          options: priorities.map((name) => ({ text: plain(name), value: name })),
        },
      },
      {
        type: "input",
        block_id: "assignee",
        optional: true,
        label: plain("Assignee"),
        element: { type: "users_select", action_id: "value" },
      },
    ],
  };
}

/** "Comment" on a message: one text field; the issue and message ride along. */
export function commentModal(metadata: { key: string; channelId: string; ts: string }) {
  return {
    type: "modal",
    callback_id: "plugboard.comment",
    title: plain(`Comment on ${metadata.key}`),
    submit: plain("Comment"),
    close: plain("Cancel"),
    private_metadata: JSON.stringify(metadata),
    blocks: [
      {
        type: "input",
        block_id: "body",
        label: plain("Comment"),
        element: { type: "plain_text_input", action_id: "value", multiline: true },
      },
    ],
  };
}
