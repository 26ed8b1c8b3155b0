import type { CalendarSync, CalendarSyncSettingsInput } from "@plugboard/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Checkbox } from "../parts/checkbox";
import { ErrorMessage } from "../parts/error-message";
import { Select } from "../parts/select";
import { useNotify } from "../parts/toast";
import { usePlugboard, useStrings } from "../provider/plugboard-provider";
import { calendarKeys } from "./query-keys";

export interface CalendarSyncProject {
  id: string;
  name: string;
}

const newCalendar = "__new__";

/** The sync's settings: calendar, projects, direction, deletes, the completed marker. */
export function CalendarSyncForm({
  installationId,
  projects,
  current,
  timeZone,
  onDone,
}: {
  installationId: string;
  projects: readonly CalendarSyncProject[];
  current: CalendarSync | undefined;
  timeZone: string;
  onDone: (() => void) | undefined;
}) {
  const strings = useStrings();
  const notify = useNotify();
  const { client, queryClient } = usePlugboard();
  const ids = {
    calendar: useId(),
    direction: useId(),
    onDelete: useId(),
    prefix: useId(),
    projects: useId(),
  };
  const calendars = useQuery(
    {
      queryKey: calendarKeys.calendars(installationId),
      queryFn: ({ signal }) =>
        client.googleCalendar.calendars(installationId, { signal }).then((r) => r.data),
    },
    queryClient,
  );
  const [calendarId, setCalendarId] = useState(current?.calendarId ?? "");
  const [projectIds, setProjectIds] = useState<string[]>(
    current?.projectIds ?? (projects[0] ? [projects[0].id] : []),
  );
  const [direction, setDirection] = useState(current?.direction ?? "both");
  const [onEventDeleted, setOnEventDeleted] = useState(current?.onEventDeleted ?? "clear_due_date");
  const [completedPrefix, setCompletedPrefix] = useState(current?.completedPrefix ?? "✓ ");
  const [invalid, setInvalid] = useState(false);
  const save = useMutation(
    {
      mutationFn: (settings: CalendarSyncSettingsInput) =>
        client.googleCalendar.save(installationId, settings),
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: calendarKeys.syncs() });
        notify(strings.outcomes.calendarSyncSaved);
        onDone?.();
      },
    },
    queryClient,
  );
  const chosen =
    calendarId || calendars.data?.find((calendar) => calendar.primary)?.id || newCalendar;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (projectIds.length === 0) return setInvalid(true);
    setInvalid(false);
    save.mutate({
      calendarId: chosen === newCalendar ? null : chosen,
      projectIds,
      direction,
      onEventDeleted,
      completedPrefix,
      timeZone: current?.timeZone ?? timeZone,
    });
  }

  return (
    <form
      className="pb-calendar-sync__form"
      onSubmit={submit}
      aria-busy={save.isPending || undefined}
    >
      <div className="pb-field">
        <label className="pb-field__label" htmlFor={ids.calendar}>
          {strings.calendarSyncCalendar}
        </label>
        <Select
          id={ids.calendar}
          value={chosen}
          onValueChange={setCalendarId}
          options={[
            ...(calendars.data ?? []).map((calendar) => ({
              value: calendar.id,
              label: calendar.name,
            })),
            { value: newCalendar, label: strings.calendarSyncNewCalendar },
          ]}
        />
      </div>
      <fieldset
        className="pb-calendar-sync__fieldset"
        aria-describedby={invalid ? `${ids.projects}-error` : undefined}
      >
        <legend className="pb-field__label">{strings.calendarSyncProjects}</legend>
        {projects.map((project) => (
          <label key={project.id} className="pb-calendar-sync__choice">
            <Checkbox
              checked={projectIds.includes(project.id)}
              onCheckedChange={(on) =>
                setProjectIds((chosenIds) =>
                  on ? [...chosenIds, project.id] : chosenIds.filter((id) => id !== project.id),
                )
              }
            />
            {project.name}
          </label>
        ))}
        <ErrorMessage id={`${ids.projects}-error`}>
          {invalid && strings.calendarSyncPickProject}
        </ErrorMessage>
      </fieldset>
      <fieldset className="pb-calendar-sync__fieldset">
        <legend className="pb-field__label">{strings.calendarSyncDirection}</legend>
        {(["both", "to_calendar", "from_calendar"] as const).map((value) => (
          <label key={value} className="pb-calendar-sync__choice">
            <input
              type="radio"
              name={ids.direction}
              value={value}
              checked={direction === value}
              onChange={() => setDirection(value)}
            />
            {strings.calendarSyncDirections[value]}
          </label>
        ))}
        <p className="pb-hint">{strings.calendarSyncCyclesOneWay}</p>
      </fieldset>
      <div className="pb-field">
        <label className="pb-field__label" htmlFor={ids.onDelete}>
          {strings.calendarSyncOnDelete}
        </label>
        <Select
          id={ids.onDelete}
          value={onEventDeleted}
          onValueChange={setOnEventDeleted}
          options={(["clear_due_date", "recreate_event"] as const).map((value) => ({
            value,
            label: strings.calendarSyncOnDeleteChoices[value] ?? value,
          }))}
        />
      </div>
      <div className="pb-field">
        <label className="pb-field__label" htmlFor={ids.prefix}>
          {strings.calendarSyncCompletedPrefix}
        </label>
        <input
          id={ids.prefix}
          className="pb-input"
          value={completedPrefix}
          maxLength={20}
          onChange={(event) => setCompletedPrefix(event.target.value)}
        />
      </div>
      <ErrorMessage>{(save.error ?? calendars.error)?.message}</ErrorMessage>
      <div className="pb-calendar-sync__actions">
        <button
          type="submit"
          className="pb-button pb-button--primary"
          aria-disabled={save.isPending || undefined}
        >
          {strings.calendarSyncSave}
        </button>
        {onDone && (
          <button type="button" className="pb-button" onClick={onDone}>
            {strings.calendarSyncCancel}
          </button>
        )}
      </div>
    </form>
  );
}
