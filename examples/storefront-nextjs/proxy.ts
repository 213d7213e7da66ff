import { clerkMiddleware, createRouteMatcher } from "@clerk/nextjs/server";

// This only sends signed-out visitors to the sign-in page. It does not check roles: the Medusa
// server enforces them on every business route (403 for individuals), whatever the browser shows.
// (createRouteMatcher is deprecated in @clerk/nextjs 7 and logs a warning; it still works.)
const isProtectedRoute = createRouteMatcher(["/account(.*)", "/business(.*)", "/company(.*)"]);

export default clerkMiddleware(async (auth, req) => {
  if (!isProtectedRoute(req)) return;
  const { isAuthenticated, redirectToSignIn } = await auth();
  if (!isAuthenticated) return redirectToSignIn({ returnBackUrl: req.url });
});

export const config = {
  matcher: [
    // Everything except Next.js internals and static files
    "/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
    "/(api|trpc)(.*)",
  ],
};
