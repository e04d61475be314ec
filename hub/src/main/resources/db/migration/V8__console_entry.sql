-- Records entered in the console's form (issue [5]): each form carries a client token, and the first submit of a token
-- claims the payload it becomes, so a double click or a resent request answers that payload instead of a second one.
CREATE TABLE console_entry (
    department   VARCHAR(64)  NOT NULL,
    client_token VARCHAR(64)  NOT NULL,
    payload_id   VARCHAR(40)  NOT NULL,
    username     VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (department, client_token)
);
