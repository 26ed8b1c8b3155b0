import type { SsoOptions } from "@plugboard/server";
import express, { type Router } from "express";
import { demoUsers } from "./demo-identity";

const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in — Demo tracker</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}
label{display:grid;gap:.25rem;margin:1rem 0}input,button{font:inherit;padding:.4rem}</style></head>
<body><main>${body}</main></body></html>`;

/**
 * The demo's SSO: a sign-in page with "Sign in with SSO", sign-out, and a stand-in for the
 * DNS provider where an admin publishes the TXT record proving a domain. A real host keeps its
 * own sign-in page and asks `plugboard.sso.policyFor(email)` whether a password is allowed.
 */
export function demoSso(origin: () => string) {
  const txt = new Map<string, string[][]>();
  const router: Router = express.Router();
  router.get("/sign-in", (_req, res) => {
    res.type("html").send(
      page(`<h1>Sign in</h1>
<form method="get" action="/api/plugboard/sso/login">
<input type="hidden" name="returnTo" value="/">
<label>Work email <input type="email" name="email" required autocomplete="username"></label>
<button type="submit">Sign in with SSO</button>
</form>`),
    );
  });
  router.get("/sign-out", (_req, res) => {
    res.cookie("demo_user", "signedout", { path: "/", sameSite: "lax" });
    res.redirect("/demo-auth/sign-in");
  });
  // The demo's DNS: `.test` names answer from here, as if the admin had published the record.
  router.post("/dns", express.json(), (req, res) => {
    const { name, value } = req.body as { name?: string; value?: string };
    if (!name?.endsWith(".test") || !value) {
      res.status(400).json({ detail: "Give a name under .test and a value" });
      return;
    }
    txt.set(name, [[value]]);
    res.status(204).end();
  });

  const sso: SsoOptions = {
    origin,
    // The identity providers are loopback simulators on plain http.
    allowHttp: true,
    resolveTxt: async (name) => {
      const records = txt.get(name);
      if (records) return records;
      const dns = await import("node:dns/promises");
      return dns.resolveTxt(name);
    },
    // Signs the person in as the demo user their email names (alice@acme.test is Alice).
    async onLogin({ email, returnTo }) {
      const user = email.split("@")[0] ?? "";
      if (!(user in demoUsers)) {
        return new Response(`No demo account for ${email}`, { status: 403 });
      }
      return new Response(null, {
        status: 303,
        headers: {
          location: returnTo ?? "/",
          // The demo's session is the same plain cookie its role switcher writes.
          "set-cookie": `demo_user=${user}; Path=/; SameSite=Lax`,
        },
      });
    },
  };
  return { router, sso };
}
