-- Data only: a person's phone in E.164, as the API stores it from now on (server/domain/phone.ts,
-- parsePhone). A French number — national, or after +33 / 0033 (« 0612345678 », « 06 39 98 12 34 »,
-- « +33612345678 ») — takes the country code of its block of the French plan: +262 La Réunion
-- (0262, 0263, 0692, 0693) and Mayotte (0269, 0639), +590 Guadeloupe, Saint-Martin and
-- Saint-Barthélemy (0590, 0690, 0691), +596 Martinique (0596, 0696, 0697), +594 Guyane (0594,
-- 0694), +508 Saint-Pierre-et-Miquelon (0508 and six digits), +33 any other. « 00 » before another
-- country's code becomes « + ». What is none of these stays as it was.
UPDATE "Person" AS p
   SET phone = CASE
         WHEN n.nsn IS NULL THEN '+' || substring(n.compact FROM '^(?:\+|00)([1-9][0-9]*)$')
         WHEN left(n.nsn, 3) IN ('262', '263', '692', '693', '269', '639') THEN '+262' || n.nsn
         WHEN left(n.nsn, 3) IN ('590', '690', '691') THEN '+590' || n.nsn
         WHEN left(n.nsn, 3) IN ('596', '696', '697') THEN '+596' || n.nsn
         WHEN left(n.nsn, 3) IN ('594', '694') THEN '+594' || n.nsn
         WHEN left(n.nsn, 3) = '508' THEN '+508' || right(n.nsn, 6)
         ELSE '+33' || n.nsn
       END
  FROM (
    SELECT id, compact, substring(compact FROM '^(?:0|(?:\+|00)330?)([1-9][0-9]{8})$') AS nsn
      FROM (
        SELECT id, regexp_replace(phone, '[[:space:].()-]', '', 'g') AS compact
          FROM "Person"
         WHERE phone IS NOT NULL
      ) AS typed
  ) AS n
 WHERE p.id = n.id
   AND (n.nsn IS NOT NULL OR n.compact ~ '^(\+|00)[1-9][0-9]*$');

-- A structure's or a site's phone is shown, never texted: kept as the pages show it. The compact
-- national form the API stored until now (« 0320112233 ») is written in pairs (« 03 20 11 22 33 »).
UPDATE "Structure" SET phone = regexp_replace(phone, '([0-9]{2})(?=[0-9])', '\1 ', 'g') WHERE phone ~ '^0[1-9][0-9]{8}$';
UPDATE "Site" SET phone = regexp_replace(phone, '([0-9]{2})(?=[0-9])', '\1 ', 'g') WHERE phone ~ '^0[1-9][0-9]{8}$';
