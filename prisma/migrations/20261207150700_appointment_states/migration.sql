-- The states of an appointment (server/domain/appointment-states.ts), enforced here too: a
-- cancelled appointment has no outcome and stays cancelled; an outcome may be corrected to
-- another, never undone nor cancelled.

-- Meetings the old code let staff or the person cancel after their outcome was recorded
-- (« annulé honoré »). The outcome was recorded first: the person came, or their absence was
-- noted, and the cancellation was the mistake; the meeting goes back to booked with its outcome,
-- unless its time was given to another meeting of the advisor since (the exclusion constraint
-- would refuse it), in which case the cancellation stands and the outcome goes.
UPDATE "Appointment" a
   SET status = 'booked', "cancelledAt" = NULL, "cancelReason" = NULL
 WHERE a.status = 'cancelled' AND a.outcome IS NOT NULL
   AND NOT EXISTS (
     SELECT 1 FROM "Appointment" b
      WHERE b."advisorId" = a."advisorId" AND b.status = 'booked' AND b.id <> a.id
        AND tstzrange(b."startsAt", b."endsAt") && tstzrange(a."startsAt", a."endsAt")
        AND (a."sessionKey" IS NULL OR b."sessionKey" IS DISTINCT FROM a."sessionKey"));
UPDATE "Appointment" SET outcome = NULL, "outcomeAt" = NULL WHERE status = 'cancelled' AND outcome IS NOT NULL;

ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_cancelled_without_outcome"
  CHECK (status = 'booked' OR outcome IS NULL);

-- What a CHECK cannot see: the row before the change. SQLSTATE 23514 (check_violation), as the
-- constraint above, so that both read alike.
CREATE FUNCTION "Appointment_state_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'cancelled' AND NEW.status <> 'cancelled' THEN
    RAISE EXCEPTION 'appointment %: a cancelled appointment stays cancelled', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Appointment_state_change', TABLE = 'Appointment';
  END IF;
  IF OLD.outcome IS NOT NULL AND NEW.outcome IS NULL THEN
    RAISE EXCEPTION 'appointment %: an outcome is corrected, never undone nor cancelled', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Appointment_state_change', TABLE = 'Appointment';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Appointment_state_change" BEFORE UPDATE OF status, outcome ON "Appointment"
  FOR EACH ROW EXECUTE FUNCTION "Appointment_state_change"();
