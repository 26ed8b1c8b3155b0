import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Checkbox } from "./checkbox";

function Labelled({ initial = false, disabled }: { initial?: boolean; disabled?: boolean }) {
  const [checked, setChecked] = useState(initial);
  return (
    <label>
      <Checkbox checked={checked} onCheckedChange={setChecked} disabled={disabled} />
      Send a digest
    </label>
  );
}

/** A "select all" over two boxes: indeterminate while one of them is ticked. */
function Group() {
  const [chosen, setChosen] = useState(["issues"]);
  const all = ["issues", "comments"];
  const toggle = (name: string, on: boolean) =>
    setChosen((current) => (on ? [...current, name] : current.filter((item) => item !== name)));
  return (
    <>
      <label>
        <Checkbox
          checked={chosen.length === all.length || (chosen.length > 0 && "indeterminate")}
          onCheckedChange={(on) => setChosen(on ? all : [])}
        />
        Everything
      </label>
      {all.map((name) => (
        <label key={name}>
          <Checkbox checked={chosen.includes(name)} onCheckedChange={(on) => toggle(name, on)} />
          {name}
        </label>
      ))}
    </>
  );
}

describe("Checkbox", () => {
  it("is a checkbox named by its label that a click toggles", async () => {
    const user = userEvent.setup();
    render(<Labelled />);
    const box = screen.getByRole("checkbox", { name: "Send a digest" });
    expect(box).not.toBeChecked();
    expect(box).toHaveAttribute("data-state", "unchecked");

    await user.click(box);
    expect(box).toBeChecked();
    expect(box).toHaveAttribute("data-state", "checked");
    await user.click(box);
    expect(box).not.toBeChecked();
  });

  it("toggles from a click on its label's text", async () => {
    const user = userEvent.setup();
    render(<Labelled />);
    await user.click(screen.getByText("Send a digest"));
    expect(screen.getByRole("checkbox", { name: "Send a digest" })).toBeChecked();
  });

  it("toggles with Space and not with Enter", async () => {
    const user = userEvent.setup();
    render(<Labelled initial />);
    const box = screen.getByRole("checkbox", { name: "Send a digest" });
    await user.tab();
    expect(box).toHaveFocus();
    await user.keyboard(" ");
    expect(box).not.toBeChecked();
    await user.keyboard("{Enter}");
    expect(box).not.toBeChecked();
  });

  it("does not change while disabled, by click, label or keyboard", async () => {
    const user = userEvent.setup();
    render(<Labelled initial disabled />);
    const box = screen.getByRole("checkbox", { name: "Send a digest" });
    expect(box).toBeDisabled();
    await user.click(box);
    await user.click(screen.getByText("Send a digest"));
    await user.tab();
    expect(box).not.toHaveFocus();
    expect(box).toBeChecked();
  });

  it("shows a partly chosen group as mixed, and a click on it chooses the whole group", async () => {
    const user = userEvent.setup();
    render(<Group />);
    const everything = screen.getByRole("checkbox", { name: "Everything" });
    expect(everything).toBePartiallyChecked();
    expect(everything).toHaveAttribute("data-state", "indeterminate");

    await user.click(everything);
    expect(everything).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "comments" })).toBeChecked();

    await user.click(screen.getByRole("checkbox", { name: "issues" }));
    expect(everything).toBePartiallyChecked();
    await user.click(screen.getByRole("checkbox", { name: "comments" }));
    expect(everything).not.toBeChecked();
    expect(everything).not.toBePartiallyChecked();
  });
});
