//! The access rules in the OpenAPI document: the `bearer` security scheme, and on every
//! operation but the public ones its requirement and the 401 and 403 answers. Added to the
//! generated document in one pass, so no handler has to repeat them and none can forget.

use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ComponentsBuilder, ContentBuilder, HeaderBuilder, OpenApi, Ref, ResponseBuilder, Type,
};
use utoipa::openapi::{Object, RefOr, Response};

/// The name of the security scheme in the document.
const SCHEME: &str = "bearer";

/// The operations anyone may call, as (path, method) of the document.
const PUBLIC: [&str; 2] = ["/health", "/openapi.json"];

/// Adds the scheme, and the requirement and refusals to every operation that needs a token.
pub fn describe_access(document: &mut OpenApi) {
    let components = document
        .components
        .get_or_insert_with(|| ComponentsBuilder::new().build());
    components.add_security_scheme(SCHEME, bearer_scheme());

    for (path, item) in &mut document.paths.paths {
        let public = PUBLIC.contains(&path.as_str());
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            if public {
                // An empty requirement: callable without credentials.
                operation.security = Some(vec![SecurityRequirement::default()]);
            } else {
                require_token(operation);
            }
        }
    }
}

fn bearer_scheme() -> SecurityScheme {
    SecurityScheme::Http(
        HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some(
                "A token the server was started with (`--token ROLE=SECRET`). Roles: `editor` \
                 may do everything, `viewer` may read goals, reports, customers and exports, \
                 `runtime` may only record achievements. A server started without tokens \
                 needs none; `/health` and `/openapi.json` never do.",
            ))
            .build(),
    )
}

fn require_token(operation: &mut Operation) {
    operation.security = Some(vec![SecurityRequirement::new::<_, _, &str>(SCHEME, [])]);
    let responses = &mut operation.responses.responses;
    responses.insert(
        "401".to_string(),
        error_response(
            "`unauthorized`: the server has tokens and the request carries none of them",
            true,
        ),
    );
    responses.insert(
        "403".to_string(),
        error_response(
            "`forbidden`: the token's role may not do this (message: \"This token may not …\")",
            false,
        ),
    );
}

fn error_response(description: &str, challenge: bool) -> RefOr<Response> {
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name("ErrorBody")))
        .build();
    let mut response = ResponseBuilder::new()
        .description(description)
        .content("application/json", content);
    if challenge {
        let header = HeaderBuilder::new()
            .schema(Some(Object::with_type(Type::String)))
            .description(Some("`Bearer`, the scheme the API expects"))
            .build();
        response = response.header("WWW-Authenticate", header);
    }
    RefOr::T(response.build())
}
