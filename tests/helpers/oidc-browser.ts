// A browser, as far as a ProConnect sign-in goes, driven with plain HTTP: the app's and the
// provider's cookies kept apart, every redirection followed by hand, the provider's login form
// posted. For the API tests (the app in process) and the fault tests (the server as a process).

/** One side's cookies, as a browser keeps them. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (!value || attributes.some((a) => /max-age=0\b/i.test(a.trim()))) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }
  get header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(name: string) {
    return this.cookies.has(name);
  }
}

export interface OidcBrowserSetup {
  /** The app's answer to a request for `path` (`/api/…`), without following redirections. */
  app: (path: string, init: RequestInit) => Promise<Response> | Response;
  /** The app's PUBLIC_URL, where the provider sends the browser back. */
  publicUrl: string;
  issuer: string;
}

export class OidcBrowser {
  readonly appCookies = new Jar();
  readonly providerCookies = new Jar();
  constructor(private readonly setup: OidcBrowserSetup) {}

  async get(path: string) {
    return this.appCookies.take(await this.setup.app(path, { headers: { Cookie: this.appCookies.header } }));
  }

  async post(path: string, body: unknown = {}) {
    return this.appCookies.take(
      await this.setup.app(path, {
        method: "POST",
        headers: { Cookie: this.appCookies.header, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
  }

  /** A request to the provider, with its cookies. */
  async atProvider(url: string, init: RequestInit = {}) {
    const response = await fetch(new URL(url, this.setup.issuer), {
      ...init,
      redirect: "manual",
      headers: { ...init.headers, Cookie: this.providerCookies.header },
    });
    return this.providerCookies.take(response);
  }

  /** A form posted to the provider (`action` as its page wrote it). */
  postForm(action: string, fields: Record<string, string>) {
    return this.atProvider(action, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Asks the app to start: the provider's authorization address. */
  async start(retour?: string): Promise<string> {
    const res = await this.post("/api/auth/oidc/start", retour ? { retour } : {});
    if (res.status !== 200) throw new Error(`start: ${res.status} ${await res.text()}`);
    return (await res.json()).url;
  }

  /**
   * Follows the provider from `url`, signing in as `login` on its login page when it shows one,
   * until it sends the browser back to the app: that address's path and query.
   */
  async throughProvider(url: string, login?: string): Promise<{ back: string; askedLogin: boolean }> {
    const { publicUrl, issuer } = this.setup;
    let next = url;
    let askedLogin = false;
    for (let hops = 0; hops < 10; hops++) {
      if (next.startsWith(publicUrl)) return { back: next.slice(publicUrl.length), askedLogin };
      const res = await this.atProvider(next);
      const location = res.headers.get("location");
      if (location) {
        next = new URL(location, next).href;
        continue;
      }
      const page = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (res.status !== 200 || !action || !page.includes('name="login"') || !login) {
        throw new Error(`provider: ${res.status} ${page}`);
      }
      askedLogin = true;
      const posted = await this.postForm(action, { prompt: "login", login, password: "peu importe" });
      next = new URL(posted.headers.get("location") ?? "", issuer).href;
    }
    throw new Error("the provider never sent the browser back");
  }

  /** A whole sign-in as `login`: where the app's callback sends the browser, and the callback's address. */
  async signIn(login: string, retour?: string): Promise<{ location: string; back: string }> {
    const { back } = await this.throughProvider(await this.start(retour), login);
    const res = await this.get(back);
    if (res.status !== 302) throw new Error(`callback: ${res.status} ${await res.text()}`);
    return { location: res.headers.get("location") ?? "", back };
  }

  /** Who the app says is signed in: their address, or the status (401). */
  async me(): Promise<string | number> {
    const res = await this.get("/api/auth/me");
    return res.status === 200 ? (await res.json()).user.email : res.status;
  }
}
