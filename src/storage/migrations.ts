/**
 * Schema versions, oldest first. The database's `user_version` is the number of
 * migrations applied. Never edit a published migration: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: server settings, quizzes and scores, term history, the ask log.
  `
  CREATE TABLE guild_settings (
    guild_id        TEXT PRIMARY KEY,
    term_channel_id TEXT,
    term_time       TEXT,
    term_timezone   TEXT,
    term_role_id    TEXT,
    term_problem    TEXT,
    updated_at      INTEGER NOT NULL
  );
  CREATE TABLE study_channels (
    guild_id   TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
  );
  CREATE TABLE quiz_sessions (
    id             INTEGER PRIMARY KEY,
    guild_id       TEXT NOT NULL,
    channel_id     TEXT NOT NULL,
    started_by     TEXT NOT NULL,
    level          TEXT NOT NULL,
    question_count INTEGER NOT NULL,
    seconds        INTEGER NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('running', 'finished', 'stopped', 'interrupted')),
    started_at     INTEGER NOT NULL,
    ended_at       INTEGER
  );
  CREATE UNIQUE INDEX quiz_sessions_one_running_per_channel ON quiz_sessions (channel_id) WHERE status = 'running';
  CREATE INDEX quiz_sessions_by_guild ON quiz_sessions (guild_id, started_at);
  CREATE TABLE quiz_rounds (
    session_id  INTEGER NOT NULL REFERENCES quiz_sessions (id) ON DELETE CASCADE,
    round       INTEGER NOT NULL,
    item_id     TEXT NOT NULL,
    item_level  TEXT NOT NULL,
    opened_at   INTEGER NOT NULL,
    deadline_at INTEGER NOT NULL,
    closed_at   INTEGER,
    PRIMARY KEY (session_id, round)
  );
  CREATE TABLE quiz_answers (
    session_id  INTEGER NOT NULL,
    round       INTEGER NOT NULL,
    user_id     TEXT NOT NULL,
    choice      TEXT NOT NULL,
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
    points      INTEGER NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (session_id, round, user_id),
    FOREIGN KEY (session_id, round) REFERENCES quiz_rounds (session_id, round) ON DELETE CASCADE
  );
  CREATE INDEX quiz_answers_by_user ON quiz_answers (user_id);
  CREATE TABLE term_posts (
    guild_id   TEXT NOT NULL,
    local_date TEXT NOT NULL,
    term_id    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'failed')),
    channel_id TEXT NOT NULL,
    message_id TEXT,
    created_at INTEGER NOT NULL,
    posted_at  INTEGER,
    PRIMARY KEY (guild_id, local_date)
  );
  CREATE TABLE unanswered_questions (
    id       INTEGER PRIMARY KEY,
    guild_id TEXT,
    question TEXT NOT NULL,
    outcome  TEXT NOT NULL,
    asked_at INTEGER NOT NULL
  );
  CREATE TABLE answer_feedback (
    answer_id TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    vote      INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    guild_id  TEXT,
    voted_at  INTEGER NOT NULL,
    PRIMARY KEY (answer_id, user_id)
  );
  `,
  // 2: solo practice, one Leitner card per user and quiz item.
  `
  CREATE TABLE practice_cards (
    user_id     TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    box         INTEGER NOT NULL CHECK (box BETWEEN 0 AND 5),
    due_at      INTEGER NOT NULL,
    reviews     INTEGER NOT NULL DEFAULT 0,
    correct     INTEGER NOT NULL DEFAULT 0,
    reviewed_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, item_id)
  );
  `,
  // 3: quizzes resume after a restart (drawn items, each round's message); term posts retry transient failures.
  `
  ALTER TABLE quiz_sessions ADD COLUMN item_ids TEXT;
  ALTER TABLE quiz_rounds ADD COLUMN message_id TEXT;
  ALTER TABLE term_posts ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE term_posts ADD COLUMN next_attempt_at INTEGER;
  `,
  // 4: reports from students on answers, cards and quiz items; "did you mean" picks after a refusal or weak match.
  `
  CREATE TABLE item_reports (
    id          INTEGER PRIMARY KEY,
    item_kind   TEXT NOT NULL CHECK (item_kind IN ('entry', 'term', 'quiz')),
    item_id     TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('wrong', 'unclear', 'outdated', 'other')),
    comment     TEXT,
    user_id     TEXT NOT NULL,
    guild_id    TEXT,
    reported_at INTEGER NOT NULL
  );
  CREATE INDEX item_reports_by_user ON item_reports (user_id, reported_at);
  CREATE INDEX item_reports_by_guild ON item_reports (guild_id, reported_at);
  CREATE TABLE suggestion_picks (
    unanswered_id INTEGER NOT NULL REFERENCES unanswered_questions (id) ON DELETE CASCADE,
    doc_id        TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    picked_at     INTEGER NOT NULL,
    PRIMARY KEY (unanswered_id, doc_id, user_id)
  );
  `,
  // 5: FSRS practice cards (Leitner boxes mapped to FSRS states), study days for streaks,
  // each student's own settings, and the reminder DMs (intent first, like the term posts).
  `
  CREATE TABLE practice_cards_fsrs (
    user_id        TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
    stability      REAL NOT NULL,
    difficulty     REAL NOT NULL,
    due_at         INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    learning_steps INTEGER NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    reviews        INTEGER NOT NULL DEFAULT 0,
    correct        INTEGER NOT NULL DEFAULT 0,
    reviewed_at    INTEGER NOT NULL,
    introduced_on  TEXT,
    PRIMARY KEY (user_id, item_id)
  );
  -- A card keeps its due date. Box 1 was a fresh card: relearning if it was just missed
  -- (FSRS's stability after Again), learning if it was right once (after a first Good).
  -- Boxes 2-5 were review cards whose stability is the interval the box gave (1, 3, 7, 14 days).
  INSERT INTO practice_cards_fsrs
    (user_id, item_id, state, stability, difficulty, due_at, scheduled_days, learning_steps, reps, lapses, reviews, correct, reviewed_at, introduced_on)
  SELECT user_id, item_id,
    CASE WHEN box >= 2 THEN 2 WHEN correct < reviews THEN 3 ELSE 1 END,
    CASE box WHEN 2 THEN 1 WHEN 3 THEN 3 WHEN 4 THEN 7 WHEN 5 THEN 14 ELSE CASE WHEN correct < reviews THEN 0.5 ELSE 2.3065 END END,
    CASE WHEN box >= 2 THEN 5 WHEN correct < reviews THEN 7 ELSE 2.1181 END,
    due_at,
    CASE box WHEN 2 THEN 1 WHEN 3 THEN 3 WHEN 4 THEN 7 WHEN 5 THEN 14 ELSE 0 END,
    0, reviews, reviews - correct, reviews, correct, reviewed_at, NULL
  FROM practice_cards;
  DROP TABLE practice_cards;
  ALTER TABLE practice_cards_fsrs RENAME TO practice_cards;
  CREATE INDEX practice_cards_by_due ON practice_cards (user_id, due_at);
  CREATE TABLE study_events (
    user_id TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('practice', 'quiz-me')),
    at      INTEGER NOT NULL
  );
  CREATE INDEX study_events_by_user ON study_events (user_id, at);
  CREATE TABLE student_settings (
    user_id         TEXT PRIMARY KEY,
    timezone        TEXT,
    remind_time     TEXT,
    remind_timezone TEXT,
    remind_notice   TEXT,
    streak_noted_on TEXT,
    updated_at      INTEGER NOT NULL
  );
  CREATE INDEX student_settings_reminders ON student_settings (remind_time) WHERE remind_time IS NOT NULL;
  CREATE TABLE reminder_sends (
    user_id    TEXT NOT NULL,
    local_date TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'none-due')),
    due_count  INTEGER NOT NULL,
    channel_id TEXT,
    message_id TEXT,
    created_at INTEGER NOT NULL,
    sent_at    INTEGER,
    PRIMARY KEY (user_id, local_date)
  );
  `,
];
