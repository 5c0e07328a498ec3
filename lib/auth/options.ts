import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateWithPassword, SecondFactorNeeded, SignInRateLimited } from "./sign-in.ts";
import { clientKeyFromHeaders } from "./client-key.ts";

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

/**
 * next-auth (v4) with e-mail + password. Sessions are JWT cookies holding the
 * user id and the user's session version; lib/auth/session.ts re-reads the
 * user on every request, so a disabled account or a changed role is out at once.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/ingresar", error: "/ingresar" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Constancia",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, request) {
        try {
          const user = await authenticateWithPassword(
            {
              email: credentials?.email ?? "",
              password: credentials?.password ?? "",
              ...(credentials?.code ? { code: credentials.code } : {}),
            },
            clientKeyFromHeaders(request?.headers ?? {}),
          );
          return user ? { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } : null;
        } catch (error) {
          // next-auth passes a thrown message to the client as `error`.
          if (error instanceof SignInRateLimited) throw new Error("RateLimited");
          if (error instanceof SecondFactorNeeded) throw new Error(error.reason);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid;
      session.sv = token.sv;
      return session;
    },
  },
};
