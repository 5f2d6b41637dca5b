-- The query-service instances that process events, so that each takes its share of every processor's segments.
-- Each instance stamps its row every few seconds and deletes it when it stops; a row not stamped for the node
-- timeout belongs to an instance that died, and no longer counts; after an hour it is deleted.

CREATE TABLE processing_node (
    node_id VARCHAR(255) NOT NULL,
    seen_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT processing_node_pk PRIMARY KEY (node_id)
);
