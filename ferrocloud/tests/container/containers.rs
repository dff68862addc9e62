//! Containers and their actions.

use ferrocloud::openstack::container::v1::common::{Environment, RestartPolicy};
use ferrocloud::openstack::container::v1::containers::{
    self, CreateOpts, DeleteOpts, ExecuteOpts, LogsOpts, NetworkAttachOpts, PutArchiveOpts,
    RebuildOpts, Status, UpdateOpts,
};
use serde_json::json;

use crate::{Call, MV, sample, serve};

const ID: &str = "b0694d40-70af-4488-b104-10f66b593347";

fn rel(action: &str) -> String {
    format!("containers/{ID}/{action}")
}

#[tokio::test]
async fn create_sends_the_official_request() {
    let req = sample("container-create-req.json");
    let (_s, zun) = serve(
        Call::new("POST", "containers").body(req.clone()),
        MV,
        202,
        Some(sample("container-create-resp.json")),
    )
    .await;
    let opts: CreateOpts = serde_json::from_value(req).unwrap();
    assert!(
        !format!("{:?}", opts.environment).contains("bar"),
        "environment values are hidden"
    );
    let c = containers::create(&zun, &opts).await.extract().unwrap();
    assert_eq!(c.uuid, ID);
    assert_eq!(c.status, Status::Creating);
    assert_eq!(c.memory, "500");
    assert_eq!(c.command, ["/bin/sh", "-c", "'echo hello'"]);
    assert_eq!(c.restart_policy, Some(RestartPolicy::named("no")));
    assert_eq!(c.environment.get("foo"), Some("bar"));
    assert_eq!(c.healthcheck.unwrap().interval, Some(3));
    assert!(c.addresses.is_empty());
}

#[tokio::test]
async fn create_refuses_fields_newer_than_the_microversion() {
    let (_s, zun) = crate::unused(MV).await;
    let zun = zun.with_microversion("1.20");
    let opts = CreateOpts {
        privileged: Some(true),
        ..CreateOpts::new("nginx")
    };
    let e = containers::create(&zun, &opts).await.extract().unwrap_err();
    assert!(e.to_string().contains("privileged"), "{e}");
    assert!(
        containers::create(&zun, &CreateOpts::new(" "))
            .await
            .extract()
            .is_err()
    );
}

#[tokio::test]
async fn run_creates_and_starts() {
    let (_s, zun) = serve(
        Call::new("POST", "containers")
            .query(&[("run", "true")])
            .body(json!({"image": "nginx"})),
        MV,
        202,
        Some(sample("container-create-resp.json")),
    )
    .await;
    let c = containers::run(&zun, &CreateOpts::new("nginx"))
        .await
        .extract()
        .unwrap();
    assert_eq!(c.name.as_deref(), Some("test"));
}

#[tokio::test]
async fn list_reads_the_official_sample() {
    let (_s, zun) = serve(
        Call::new("GET", "containers").query(&[("status", "Stopped"), ("limit", "5")]),
        MV,
        200,
        Some(sample("container-get-all-resp.json")),
    )
    .await;
    let opts = containers::ListOpts {
        status: Some(Status::Stopped),
        controls: ferrocloud::openstack::container::v1::common::ListControls {
            limit: Some(5),
            ..Default::default()
        },
        ..Default::default()
    };
    let all = containers::list(&zun, &opts).all_pages().await.unwrap();
    let items = containers::extract_containers(&all).unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].runtime.as_deref(), Some("runc"));
    assert_eq!(
        items[0].addresses["2ede1821-1334-4e8b-b731-d3a82b41f42f"][1].version,
        6
    );
}

#[tokio::test]
async fn get_reads_the_official_sample() {
    let (_s, zun) = serve(
        Call::new("GET", &format!("containers/{ID}")),
        MV,
        200,
        Some(sample("container-show-resp.json")),
    )
    .await;
    let c = containers::get(&zun, ID).await.extract().unwrap();
    assert_eq!(c.status_detail.as_deref(), Some("Exited(0) 8 mins ago "));
    assert_eq!(c.host.as_deref(), Some("ubuntu"));
    assert_eq!(c.cpu, Some(2.0));
    assert_eq!(c.links.len(), 2);
}

#[tokio::test]
async fn update_sends_the_official_request() {
    let req = sample("container-update-req.json");
    let (_s, zun) = serve(
        Call::new("PATCH", &format!("containers/{ID}")).body(req.clone()),
        MV,
        200,
        Some(sample("container-update-resp.json")),
    )
    .await;
    let opts: UpdateOpts = serde_json::from_value(req).unwrap();
    let c = containers::update(&zun, ID, &opts).await.extract().unwrap();
    assert_eq!(c.name.as_deref(), Some("test_new"));
    assert_eq!(c.memory, "200");
    let none = containers::update(&zun, ID, &UpdateOpts::default()).await;
    assert!(none.extract().is_err());
}

#[tokio::test]
async fn delete_can_stop_first() {
    let (_s, zun) = serve(
        Call::new("DELETE", &format!("containers/{ID}")).query(&[("stop", "true")]),
        MV,
        204,
        None,
    )
    .await;
    let opts = DeleteOpts {
        stop: true,
        ..Default::default()
    };
    containers::delete(&zun, ID, &opts).await.ok().unwrap();
}

#[tokio::test]
async fn plain_actions() {
    for action in ["start", "pause", "unpause"] {
        let (_s, zun) = serve(Call::new("POST", &rel(action)), MV, 202, None).await;
        let r = match action {
            "start" => containers::start(&zun, ID).await,
            "pause" => containers::pause(&zun, ID).await,
            _ => containers::unpause(&zun, ID).await,
        };
        assert_eq!(r.status_code(), Some(202), "{action}");
    }
}

#[tokio::test]
async fn stop_and_restart_take_a_timeout() {
    for action in ["stop", "reboot"] {
        let (_s, zun) = serve(
            Call::new("POST", &rel(action)).query(&[("timeout", "10")]),
            MV,
            202,
            None,
        )
        .await;
        let r = if action == "stop" {
            containers::stop(&zun, ID, Some(10)).await
        } else {
            containers::restart(&zun, ID, Some(10)).await
        };
        r.ok().unwrap();
    }
}

#[tokio::test]
async fn kill_sends_the_signal() {
    let (_s, zun) = serve(
        Call::new("POST", &rel("kill")).query(&[("signal", "SIGTERM")]),
        MV,
        202,
        None,
    )
    .await;
    containers::kill(&zun, ID, Some("SIGTERM"))
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn rebuild_with_another_image() {
    let (_s, zun) = serve(
        Call::new("POST", &rel("rebuild")).query(&[("image", "ubuntu:24.04")]),
        MV,
        202,
        None,
    )
    .await;
    let opts = RebuildOpts {
        image: Some("ubuntu:24.04".into()),
        ..Default::default()
    };
    containers::rebuild(&zun, ID, &opts).await.ok().unwrap();
}

#[tokio::test]
async fn rename_up_to_1_13() {
    let (_s, zun) = serve(
        Call::new("POST", &rel("rename")).query(&[("name", "test-new")]),
        "1.13",
        200,
        Some(sample("container-rename-resp.json")),
    )
    .await;
    let c = containers::rename(&zun, ID, "test-new")
        .await
        .extract()
        .unwrap();
    assert_eq!(c.name.as_deref(), Some("test-new"));
    let later = zun.with_microversion("1.14");
    assert!(containers::rename(&later, ID, "x").await.extract().is_err());
}

#[tokio::test]
async fn execute_reads_both_official_answers() {
    for (name, interactive) in [
        ("container-execute-resp.json", false),
        ("container-execute-resp-2.json", true),
    ] {
        let query: &[(&str, &str)] = if interactive {
            &[("command", "sh"), ("run", "true"), ("interactive", "true")]
        } else {
            &[("command", "date"), ("run", "true")]
        };
        let (_s, zun) = serve(
            Call::new("POST", &rel("execute")).query(query),
            MV,
            200,
            Some(sample(name)),
        )
        .await;
        let opts = ExecuteOpts {
            interactive: interactive.then_some(true),
            ..ExecuteOpts::run(if interactive { "sh" } else { "date" })
        };
        let out = containers::execute(&zun, ID, &opts)
            .await
            .extract()
            .unwrap();
        if interactive {
            assert_eq!(out.url.as_deref(), Some("tcp://172.16.1.45:2375"));
        } else {
            assert_eq!(out.exit_code, Some(0));
            assert_eq!(
                out.output.as_deref(),
                Some("Mon Oct  9 09:09:32 UTC 2017\n")
            );
        }
    }
}

#[tokio::test]
async fn execute_resize_reads_the_official_sample() {
    let (_s, zun) = serve(
        Call::new("POST", &rel("execute_resize")).query(&[
            ("exec_id", "abc"),
            ("w", "80"),
            ("h", "24"),
        ]),
        MV,
        200,
        Some(sample("container-execute-resize-resp.json")),
    )
    .await;
    let s = containers::execute_resize(&zun, ID, "abc", 80, 24)
        .await
        .extract()
        .unwrap()
        .unwrap();
    assert!(s.exec_id.unwrap().starts_with("c75e8181"));
}

#[tokio::test]
async fn logs_send_the_official_options() {
    let req = sample("container-logs-req.json");
    let q: Vec<(String, String)> = req
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            let v = v.as_str().unwrap();
            (
                k.clone(),
                if v == "True" {
                    "true".into()
                } else {
                    v.to_string()
                },
            )
        })
        .collect();
    let pairs: Vec<(&str, &str)> = q.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (_s, zun) = serve(
        Call::new("GET", &rel("logs")).query(&pairs),
        MV,
        200,
        Some(json!("line 1\nline 2\n")),
    )
    .await;
    let opts = LogsOpts {
        stdout: Some(true),
        stderr: Some(true),
        timestamps: Some(true),
        tail: Some("all".into()),
        since: Some("600000".into()),
    };
    let text = containers::logs(&zun, ID, &opts).await.extract().unwrap();
    assert_eq!(text.lines().count(), 2);
}

#[tokio::test]
async fn top_reads_the_official_sample() {
    let (_s, zun) = serve(
        Call::new("GET", &rel("top")).query(&[("ps_args", "aux")]),
        MV,
        200,
        Some(sample("container-top-resp.json")),
    )
    .await;
    let t = containers::top(&zun, ID, Some("aux"))
        .await
        .extract()
        .unwrap();
    assert_eq!(t.titles[1], "PID");
    assert_eq!(t.processes[1][7], "nginx: worker process");
}

#[tokio::test]
async fn stats_read_the_official_sample() {
    let (_s, zun) = serve(
        Call::new("GET", &rel("stats")),
        MV,
        200,
        Some(sample("container-stats-resp.json")),
    )
    .await;
    let s = containers::stats(&zun, ID).await.extract().unwrap();
    assert_eq!(s.container.as_deref(), Some("test"));
    assert_eq!(s.cpu_percent, Some(8.89));
    assert_eq!(s.net_io.as_deref(), Some("246614/648"));
}

#[tokio::test]
async fn commit_reads_the_official_sample() {
    let (_s, zun) = serve(
        Call::new("POST", &rel("commit")).query(&[("repository", "myrepo"), ("tag", "v1")]),
        MV,
        202,
        Some(sample("container-commit-resp.json")),
    )
    .await;
    let c = containers::commit(&zun, ID, "myrepo", Some("v1"))
        .await
        .extract()
        .unwrap();
    assert_eq!(c.uuid, "64281d85-e9a3-4c54-8d30-9ee72a596d8a");
    assert!(
        containers::commit(&zun, ID, "", None)
            .await
            .extract()
            .is_err()
    );
}

#[tokio::test]
async fn attach_and_resize() {
    let (_s, zun) = serve(
        Call::new("GET", &rel("attach")),
        MV,
        200,
        Some(json!("ws://zun/attach?token=x")),
    )
    .await;
    let url = containers::attach(&zun, ID).await.extract().unwrap();
    assert!(url.starts_with("ws://"));
    let (_s, zun) = serve(
        Call::new("POST", &rel("resize")).query(&[("w", "120"), ("h", "40")]),
        MV,
        200,
        None,
    )
    .await;
    containers::resize(&zun, ID, 120, 40).await.ok().unwrap();
}

#[tokio::test]
async fn archives_go_both_ways() {
    let (_s, zun) = serve(
        Call::new("GET", &rel("get_archive")).query(&[("path", "/ip.sh")]),
        MV,
        200,
        Some(sample("container-get-archive-resp.json")),
    )
    .await;
    let a = containers::get_archive(&zun, ID, "/ip.sh")
        .await
        .extract()
        .unwrap();
    assert_eq!(a.stat.name, "ip.sh");
    assert_eq!(a.stat.mode, 493);
    assert!(a.tar().is_err(), "the sample's data is not base64");

    let req = sample("container-put-archive-req.json");
    let (_s, zun) = serve(
        Call::new("POST", &rel("put_archive"))
            .query(&[("path", "/tmp")])
            .body(req.clone()),
        MV,
        200,
        None,
    )
    .await;
    let opts: PutArchiveOpts = serde_json::from_value(req).unwrap();
    containers::put_archive(&zun, ID, "/tmp", &opts)
        .await
        .ok()
        .unwrap();
}

#[tokio::test]
async fn security_groups_up_to_1_14() {
    for add in [true, false] {
        let action = if add {
            "add_security_group"
        } else {
            "remove_security_group"
        };
        let (_s, zun) = serve(
            Call::new("POST", &rel(action)).query(&[("name", "web")]),
            "1.14",
            202,
            None,
        )
        .await;
        let r = if add {
            containers::add_security_group(&zun, ID, "web").await
        } else {
            containers::remove_security_group(&zun, ID, "web").await
        };
        r.ok().unwrap();
    }
}

#[tokio::test]
async fn networks_attach_detach_and_list() {
    let (_s, zun) = serve(
        Call::new("POST", &rel("network_attach"))
            .query(&[("network", "private"), ("fixed_ip", "10.0.0.5")]),
        MV,
        202,
        None,
    )
    .await;
    let opts = NetworkAttachOpts {
        fixed_ip: Some("10.0.0.5".into()),
        ..NetworkAttachOpts::network("private")
    };
    containers::network_attach(&zun, ID, &opts)
        .await
        .ok()
        .unwrap();
    assert!(
        containers::network_detach(&zun, ID, &opts)
            .await
            .ok()
            .is_err()
    );

    let (_s, zun) = serve(
        Call::new("POST", &rel("network_detach")).query(&[("port", "p1")]),
        MV,
        202,
        None,
    )
    .await;
    containers::network_detach(&zun, ID, &NetworkAttachOpts::port("p1"))
        .await
        .ok()
        .unwrap();
    let both = NetworkAttachOpts {
        port: Some("p".into()),
        ..NetworkAttachOpts::network("n")
    };
    assert!(
        containers::network_attach(&zun, ID, &both)
            .await
            .ok()
            .is_err()
    );

    let (_s, zun) = serve(
        Call::new("GET", &rel("network_list")),
        MV,
        200,
        Some(sample("container-network-list-resp.json")),
    )
    .await;
    let page = containers::network_list(&zun, ID)
        .all_pages()
        .await
        .unwrap();
    let nets = containers::extract_networks(&page).unwrap();
    assert_eq!(nets[0].fixed_ips[0].ip_address, "30.30.30.10");
    let old = zun.with_microversion("1.12");
    assert!(
        containers::network_list(&old, ID)
            .all_pages()
            .await
            .is_err()
    );
}

#[tokio::test]
async fn waiter_ends_on_error_with_the_reason() {
    let mut body = sample("container-show-resp.json");
    body["status"] = json!("Error");
    body["status_reason"] = json!("image not found");
    let (_s, zun) = serve(
        Call::new("GET", &format!("containers/{ID}")),
        MV,
        200,
        Some(body),
    )
    .await;
    let opts = ferrocloud::wait::WaitOpts::new(std::time::Duration::from_secs(5));
    let e = containers::wait_for_status(&zun, ID, Status::Running, &opts)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("image not found"), "{e}");
}

#[test]
fn environment_debug_hides_values() {
    let env = Environment::from_iter([("PASSWORD", "hunter2")]);
    assert!(!format!("{env:?}").contains("hunter2"));
}
