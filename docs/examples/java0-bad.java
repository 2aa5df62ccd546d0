        return false;
    }
}
