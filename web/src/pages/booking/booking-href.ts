/** The booking page, for one service when a slug is given. */
export function bookingHref(serviceSlug?: string): string {
  return serviceSlug ? `/rendez-vous?service=${encodeURIComponent(serviceSlug)}` : "/rendez-vous";
}
