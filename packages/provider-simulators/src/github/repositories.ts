/** A repository as GitHub's REST API documents it (the fields Plugboard reads, and a few more). */
export interface SimulatedRepository {
  id: number;
  name: string;
  full_name: string;
  private: boolean;
  html_url: string;
  default_branch: string;
  owner: { login: string };
}

export function simulatedRepository(id: number, fullName: string, isPrivate = false) {
  const [owner = "", name = ""] = fullName.split("/");
  return {
    id,
    name,
    full_name: fullName,
    private: isPrivate,
    html_url: `https://github.com/${fullName}`,
    default_branch: "main",
    owner: { login: owner },
  } satisfies SimulatedRepository;
}
