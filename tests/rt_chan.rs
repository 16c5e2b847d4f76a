//! Channels: buffering, `len`/`cap`, close semantics, nil channels, directional halves.

mod rt_support;

use chanlab::rt::{self, go, make_chan, Chan, Outcome, Receiver, Sender, Status, WaitReason};
use rt_support::{goroutine_headers, run, stderr, stdout};

#[test]
fn buffered_channel_is_fifo_and_does_not_block_until_full() {
    let r = run(async {
        let ch = make_chan::<i32>(3);
        for i in 1..=3 {
            ch.send(i).await;
            rt::println(format!("len {} cap {}", ch.len().await, ch.cap().await));
        }
        for _ in 0..3 {
            let v = ch.recv().await.unwrap();
            rt::println(format!("got {v} len {}", ch.len().await));
        }
    });
    assert_eq!(r.exit_code(), 0);
    assert_eq!(
        r.lines(),
        [
            "len 1 cap 3",
            "len 2 cap 3",
            "len 3 cap 3",
            "got 1 len 2",
            "got 2 len 1",
            "got 3 len 0",
        ]
    );
}

#[test]
fn a_full_buffer_blocks_the_sender_until_a_receive_makes_room() {
    async fn sender(ch: Chan<i32>) {
        for i in 0..4 {
            ch.send(i).await;
            rt::println(format!("sent {i}"));
        }
    }
    let r = run(async {
        let ch = make_chan::<i32>(2);
        go(sender, (ch,));
        rt::sleep(rt::ms(1)).await;
        // The sender filled the buffer and is parked on its third send.
        assert_eq!(ch.len().await, 2);
        rt::println("receiving");
        for _ in 0..4 {
            let v = ch.recv().await.unwrap();
            rt::println(format!("got {v}"));
        }
    });
    assert_eq!(r.exit_code(), 0);
    let lines = r.lines();
    assert_eq!(&lines[..3], ["sent 0", "sent 1", "receiving"]);
    let got: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("got"))
        .collect();
    assert_eq!(got, ["got 0", "got 1", "got 2", "got 3"]);
    assert!(lines.contains(&"sent 3"));
}

#[test]
fn unbuffered_send_waits_for_a_receiver() {
    async fn receiver(ch: Chan<String>) {
        rt::sleep(rt::ms(100)).await;
        let v = ch.recv().await.unwrap();
        rt::println(format!("received {v} at {}", rt::now().0 / 1_000_000));
    }
    let r = run(async {
        let ch = make_chan(0);
        assert_eq!((ch.len().await, ch.cap().await), (0, 0));
        go(receiver, (ch,));
        ch.send("hello".to_string()).await;
        rt::println(format!("send returned at {}", rt::now().0 / 1_000_000));
        rt::sleep(rt::ms(1)).await;
    });
    // The receiver goes on running after it takes the value; the sender resumes after it.
    assert_eq!(r.lines(), ["received hello at 100", "send returned at 100"]);
}

#[test]
fn receives_drain_a_closed_channel_then_get_none() {
    let r = run(async {
        let ch = make_chan::<i32>(3);
        ch.send(1).await;
        ch.send(2).await;
        ch.close().await;
        assert_eq!(ch.len().await, 2, "closing keeps the buffered values");
        for _ in 0..4 {
            rt::println(format!("{:?}", ch.recv().await));
        }
    });
    assert_eq!(r.lines(), ["Some(1)", "Some(2)", "None", "None"]);
}

#[test]
fn range_over_a_channel_ends_when_it_is_closed() {
    async fn produce(ch: Sender<u32>) {
        for i in 0..5 {
            ch.send(i * i).await;
        }
        ch.close().await;
    }
    let r = run(async {
        let ch = make_chan::<u32>(0);
        go(produce, (ch.sender(),));
        let mut sum = 0;
        while let Some(v) = ch.recv().await {
            sum += v;
        }
        rt::println(sum);
    });
    assert_eq!(r.lines(), ["30"]);
    assert!(r.leaked.is_empty());
}

#[test]
fn close_wakes_every_parked_receiver_with_none() {
    async fn wait(ch: Chan<i32>, i: u32) {
        let v = ch.recv().await;
        rt::println(format!("receiver {i} got {v:?}"));
    }
    let r = run(async {
        let ch = make_chan::<i32>(0);
        for i in 0..3 {
            go(wait, (ch, i));
        }
        rt::sleep(rt::ms(1)).await;
        ch.close().await;
        rt::sleep(rt::ms(1)).await;
    });
    // As Go at GOMAXPROCS=1: the last goroutine started runs first (2, 0, 1 park in that
    // order), and close wakes the parked receivers last first, each taking the closer's
    // `next` from the one before.
    assert_eq!(
        r.lines(),
        [
            "receiver 2 got None",
            "receiver 1 got None",
            "receiver 0 got None"
        ]
    );
}

#[test]
fn close_makes_a_parked_sender_panic() {
    async fn send(ch: Chan<i32>) {
        ch.send(1).await;
        rt::println("unreachable");
    }
    let r = run(async {
        let ch = make_chan::<i32>(0);
        go(send, (ch,));
        rt::sleep(rt::ms(1)).await;
        ch.close().await;
        rt::sleep(rt::ms(1)).await;
    });
    assert_eq!(
        r.outcome,
        Outcome::Panic {
            g: 2,
            message: "send on closed channel".into()
        }
    );
    assert_eq!(
        stderr(&r)[..3],
        [
            "panic: send on closed channel",
            "",
            "goroutine 2 [running]:"
        ]
    );
    assert!(stdout(&r).is_empty());
}

#[test]
fn parked_receivers_are_served_in_fifo_order() {
    async fn wait(ch: Chan<i32>, i: u32) {
        let v = ch.recv().await.unwrap();
        rt::println(format!("receiver {i} got {v}"));
    }
    let r = run(async {
        let ch = make_chan::<i32>(0);
        for i in 0..3 {
            go(wait, (ch, i));
        }
        rt::sleep(rt::ms(1)).await;
        for v in 10..13 {
            ch.send(v).await;
        }
        rt::sleep(rt::ms(1)).await;
    });
    // They park as they start, the last started first (2, 0, 1), and get the values in
    // that order; each woken receiver takes its sender's `next`, so the last woken runs
    // first (as Go at GOMAXPROCS=1 prints them).
    assert_eq!(
        r.lines(),
        [
            "receiver 1 got 12",
            "receiver 2 got 10",
            "receiver 0 got 11"
        ]
    );
}

#[test]
fn parked_senders_are_served_in_fifo_order() {
    async fn send(ch: Chan<u32>, i: u32) {
        ch.send(i).await;
    }
    let r = run(async {
        let ch = make_chan::<u32>(1);
        for i in 0..4 {
            go(send, (ch, i));
        }
        rt::sleep(rt::ms(1)).await;
        assert_eq!(ch.len().await, 1);
        for _ in 0..4 {
            rt::println(ch.recv().await.unwrap());
        }
    });
    // The last started runs first and fills the buffer; the others park in the order they
    // run (0, 1, 2) and are served in that order, as Go at GOMAXPROCS=1 prints them.
    assert_eq!(r.lines(), ["3", "0", "1", "2"]);
}

#[test]
fn nil_channel_len_and_cap_are_zero() {
    let r = run(async {
        let ch: Chan<i32> = Chan::nil();
        assert!(ch.is_nil());
        assert_eq!(Chan::<i32>::default(), ch);
        rt::println(format!("{} {}", ch.len().await, ch.cap().await));
    });
    assert_eq!(r.lines(), ["0 0"]);
}

#[test]
fn send_on_a_nil_channel_blocks_forever() {
    let r = run(async {
        Chan::<i32>::nil().send(1).await;
    });
    assert_eq!(r.outcome, Outcome::Deadlock);
    assert_eq!(r.exit_code(), 2);
    assert_eq!(
        stderr(&r),
        [
            "fatal error: all goroutines are asleep - deadlock!",
            "",
            "goroutine 1 [chan send (nil chan)]:",
            "main.main()"
        ]
    );
}

#[test]
fn receive_on_a_nil_channel_blocks_forever() {
    async fn stuck(ch: Chan<i32>) {
        ch.recv().await;
    }
    let r = run(async {
        go(stuck, (Chan::nil(),));
        Chan::<i32>::nil().recv().await;
    });
    assert_eq!(r.outcome, Outcome::Deadlock);
    assert_eq!(
        goroutine_headers(&r),
        [
            "goroutine 1 [chan receive (nil chan)]:",
            "goroutine 2 [chan receive (nil chan)]:"
        ]
    );
}

#[test]
fn a_nil_channel_blocks_while_other_goroutines_make_progress() {
    async fn stuck(ch: Chan<i32>) {
        ch.recv().await;
    }
    let r = run(async {
        go(stuck, (Chan::nil(),));
        rt::sleep(rt::ms(5)).await;
        rt::println("main still runs");
    });
    assert_eq!(r.exit_code(), 0);
    assert_eq!(r.lines(), ["main still runs"]);
    assert_eq!(r.leaked.len(), 1);
    assert_eq!(r.leaked[0].status, Status::Blocked(WaitReason::ChanRecvNil));
}

#[test]
fn directional_halves_are_the_same_channel() {
    async fn producer(out: Sender<String>) {
        out.send("ping".to_string()).await;
        assert_eq!(out.cap().await, 1);
        out.close().await;
    }
    async fn consumer(inp: Receiver<String>, done: Chan<()>) {
        while let Some(v) = inp.recv().await {
            rt::println(format!("{v} (len now {})", inp.len().await));
        }
        done.send(()).await;
    }
    let r = run(async {
        let ch = make_chan::<String>(1);
        let done = make_chan::<()>(0);
        assert_eq!(ch.sender().chan(), ch);
        assert_eq!(ch.receiver().chan(), ch);
        assert_eq!(Sender::from(ch), ch.sender());
        assert_eq!(Receiver::from(ch), ch.receiver());
        go(producer, (ch.sender(),));
        go(consumer, (ch.receiver(), done));
        done.recv().await;
    });
    assert_eq!(r.exit_code(), 0);
    assert_eq!(r.lines(), ["ping (len now 0)"]);
}

#[test]
fn handles_are_copyable_and_serialize_as_their_id() {
    let r = run(async {
        let ch = make_chan::<u8>(0);
        let copy = ch;
        assert_eq!(copy, ch);
        let json = serde_json::to_string(&ch).unwrap();
        assert_eq!(json, ch.id().to_string());
        let back: Chan<u8> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ch);
        let half: Sender<u8> = serde_json::from_str(&json).unwrap();
        assert_eq!(half.chan(), ch);
    });
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn values_that_are_not_copy_move_through_channels() {
    let r = run(async {
        let ch = make_chan::<Vec<String>>(2);
        ch.send(vec!["a".into(), "b".into()]).await;
        ch.send(Vec::new()).await;
        let a = ch.recv().await.unwrap();
        let b = ch.recv().await.unwrap();
        rt::println(format!("{a:?} {b:?}"));
    });
    assert_eq!(r.lines(), [r#"["a", "b"] []"#]);
}

#[test]
fn metrics_count_sends_and_receives() {
    let r = run(async {
        let ch = make_chan::<i32>(4);
        for i in 0..4 {
            ch.send(i).await;
        }
        ch.close().await;
        while ch.recv().await.is_some() {}
    });
    assert_eq!(r.metrics.chan_sends, 4);
    assert_eq!(r.metrics.chan_recvs, 4);
}
