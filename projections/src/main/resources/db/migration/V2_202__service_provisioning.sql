-- Provisioning requests as the provisioning state projection saw them, and the provisioning state of each service
-- derived from them: over the requests of the latest subscription event that asked anything for the service, FAILED
-- if any failed, PROVISIONED when all were acknowledged, PENDING otherwise.
create table provisioning_request (
    request_id      varchar(512) primary key,
    subscription_id varchar(255) not null,
    product_code    varchar(64)  not null,
    event_sequence  bigint       not null,
    operation       varchar(16)  not null,
    state           varchar(16)  not null,
    attempt         integer      not null,
    version         bigint       not null
);

create index provisioning_request_service on provisioning_request (subscription_id, product_code, event_sequence);

create function provisioning_state_of(subscription varchar, product varchar) returns varchar
    language sql stable as
$$
select case when bool_or(r.state = 'FAILED') then 'FAILED'
            when bool_and(r.state = 'ACKNOWLEDGED') then 'PROVISIONED'
            else 'PENDING' end
from provisioning_request r
where r.subscription_id = subscription and r.product_code = product
  and r.event_sequence = (select max(l.event_sequence) from provisioning_request l
                          where l.subscription_id = subscription and l.product_code = product)
$$;

-- a service row written after its provisioning was answered (the projections run independently) takes its state
create function subscription_service_provisioning_state() returns trigger
    language plpgsql as
$$
begin
    new.provisioning_state := coalesce(provisioning_state_of(new.subscription_id, new.product_code), 'PENDING');
    return new;
end
$$;

create trigger subscription_service_provisioning_state
    before insert on subscription_service
    for each row execute function subscription_service_provisioning_state();
