-- Camel's JDBC idempotent repository: which remote files a pull channel has taken. The primary key makes "taken once"
-- hold with two hub nodes polling the same server (PITFALLS.md P3). Names as Camel's JdbcMessageIdRepository writes them.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255)  NOT NULL,
    messageId     VARCHAR(1000) NOT NULL,
    createdAt     TIMESTAMP     NOT NULL,
    PRIMARY KEY (processorName, messageId)
);
