/**
 * The latest date a consent, referral, activity or outcome may carry: tomorrow in UTC, so a user
 * east or west of UTC can date something today whatever the hour (a zone is not worth a day).
 */
export const latestDate = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
