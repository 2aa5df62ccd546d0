        while (true) { }
    }
}
