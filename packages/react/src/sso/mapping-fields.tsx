import type { Role } from "@plugboard/core";
import { roles } from "@plugboard/core/routes";
import { PlusIcon } from "../icons/icons";
import { Field, TextField } from "../parts/field";
import { Select } from "../parts/select";
import { useStrings } from "../provider/plugboard-provider";
import type { ProtocolFieldsProps } from "./saml-fields";

type Props = Omit<ProtocolFieldsProps, "editing">;

/** Which attributes hold email, name and groups, and the roles some groups get. */
export function MappingFields({ values, change, fieldError }: Props) {
  const strings = useStrings();
  const mapping = values.mapping;
  const setRow = (index: number, row: { group: string; role: Role }) =>
    change({ groupRoles: values.groupRoles.map((old, at) => (at === index ? row : old)) });
  return (
    <>
      <fieldset className="pb-sso__fieldset">
        <legend className="pb-field__label">{strings.ssoMapping}</legend>
        <p className="pb-hint">{strings.ssoMappingHint}</p>
        <div className="pb-sso__mapping">
          {(["email", "name", "groups"] as const).map((key) => (
            <TextField
              key={key}
              label={
                {
                  email: strings.ssoMapEmail,
                  name: strings.ssoMapName,
                  groups: strings.ssoMapGroups,
                }[key]
              }
              error={fieldError(`attributeMapping.${key}`)}
              spellCheck={false}
              value={mapping[key]}
              onValueChange={(value) => change({ mapping: { ...mapping, [key]: value } })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="pb-sso__fieldset">
        <legend className="pb-field__label">{strings.ssoGroupRoles}</legend>
        <p className="pb-hint">{strings.ssoGroupRolesHint}</p>
        {values.groupRoles.map((row, index) => (
          // Rows have no identity of their own; the index is stable while this dialog is open.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={index} className="pb-sso__group-role">
            <TextField
              label={strings.ssoGroup}
              error={fieldError("groupRoles")}
              value={row.group}
              onValueChange={(group) => setRow(index, { ...row, group })}
            />
            <Field label={strings.ssoRole} error={undefined}>
              {(props) => (
                <Select
                  {...props}
                  value={row.role}
                  onValueChange={(role) => setRow(index, { ...row, role })}
                  options={roles.map((role) => ({
                    value: role,
                    label: strings.ssoRoles[role] ?? role,
                  }))}
                />
              )}
            </Field>
            <button
              type="button"
              className="pb-button pb-button--small"
              onClick={() =>
                change({ groupRoles: values.groupRoles.filter((_, at) => at !== index) })
              }
            >
              {strings.ssoRemoveGroupRole(row.group)}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="pb-button pb-button--small pb-sso__add-row"
          onClick={() =>
            change({ groupRoles: [...values.groupRoles, { group: "", role: "member" }] })
          }
        >
          <PlusIcon />
          {strings.ssoAddGroupRole}
        </button>
      </fieldset>
    </>
  );
}
